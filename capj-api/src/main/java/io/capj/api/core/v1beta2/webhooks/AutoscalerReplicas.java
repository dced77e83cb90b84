package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The default of {@code spec.replicas} for MachineSets and MachineDeployments. A set value is kept. With both
 * cluster-autoscaler size annotations, a new object starts at the min size, and an existing one is moved into
 * [min, max] (or keeps its replicas when already inside), so handing an object to the autoscaler never jumps
 * to 1. Otherwise the default is 1.
 */
public final class AutoscalerReplicas {

    private AutoscalerReplicas() {
    }

    /**
     * The replicas {@code object} should have, given the stored object {@code old} (null on create), or null
     * when an annotation cannot be parsed (then {@link #annotationErrors} explains why).
     */
    public static Integer defaultReplicas(JsonNode object, JsonNode old) {
        JsonNode replicas = object.path("spec").path("replicas");
        if (replicas.isIntegralNumber()) {
            return replicas.intValue();
        }
        JsonNode annotations = object.path("metadata").path("annotations");
        JsonNode min = annotations.get(CoreAnnotations.AutoscalerMinSizeAnnotation);
        JsonNode max = annotations.get(CoreAnnotations.AutoscalerMaxSizeAnnotation);
        if (min == null || max == null) {
            return 1;
        }
        Integer minSize = parseInt32(min.asText());
        Integer maxSize = parseInt32(max.asText());
        if (minSize == null || maxSize == null) {
            return null;
        }
        JsonNode oldReplicas = old == null ? null : old.path("spec").path("replicas");
        if (oldReplicas == null || !oldReplicas.isIntegralNumber() || oldReplicas.intValue() < minSize) {
            return minSize;
        }
        return Math.min(oldReplicas.intValue(), maxSize);
    }

    /** Upstream's defaulting error for an unparsable size annotation, as a field error on that annotation. */
    public static List<FieldError> annotationErrors(JsonNode object, String kind) {
        List<FieldError> errs = new ArrayList<>();
        if (object.path("spec").path("replicas").isIntegralNumber()) {
            return errs;
        }
        JsonNode annotations = object.path("metadata").path("annotations");
        if (!annotations.has(CoreAnnotations.AutoscalerMinSizeAnnotation)
                || !annotations.has(CoreAnnotations.AutoscalerMaxSizeAnnotation)) {
            return errs;
        }
        for (String key : List.of(CoreAnnotations.AutoscalerMinSizeAnnotation,
                CoreAnnotations.AutoscalerMaxSizeAnnotation)) {
            String value = annotations.path(key).asText();
            if (parseInt32(value) == null) {
                errs.add(FieldError.invalid("metadata.annotations." + key, value, "failed to caculate " + kind
                        + " replicas value: could not parse the value of the \"" + key + "\" annotation: "
                        + "strconv.ParseInt: parsing \"" + value + "\": "
                        + (value.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax")));
                break;
            }
        }
        return errs;
    }

    /** Go's {@code strconv.ParseInt(s, 10, 32)}: optional sign, decimal digits, within int32. */
    static Integer parseInt32(String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
