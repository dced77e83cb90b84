package io.capj.apiserver.internal.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Names;
import io.capj.apimachinery.ObjectMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Upstream's ObjectMeta validation: names, labels, annotations, finalizers, owner references, immutability. */
public final class ObjectMetaValidator {
    private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private ObjectMetaValidator() {
    }

    /**
     * Validates the metadata of a new or updated object.
     *
     * @param labelNames true if the name must be a DNS-1123 label (Namespace) rather than a subdomain
     */
    public static List<FieldError> validate(JsonNode object, boolean labelNames) {
        List<FieldError> errs = new ArrayList<>();
        String name = ObjectMeta.name(object);
        if (name.isEmpty()) {
            errs.add(FieldError.required("metadata.name", "name or generateName is required"));
        } else {
            List<String> problems = labelNames ? Names.dns1123Label(name) : Names.dns1123Subdomain(name);
            problems.forEach(p -> errs.add(FieldError.invalid("metadata.name", name, p)));
        }
        validateLabels(ObjectMeta.labels(object), errs);
        validateAnnotations(ObjectMeta.annotations(object), errs);
        validateFinalizers(ObjectMeta.finalizers(object), errs);
        validateOwners(ObjectMeta.ownerReferences(object), errs);
        return errs;
    }

    private static void validateLabels(Map<String, String> labels, List<FieldError> errs) {
        labels.forEach((k, v) -> {
            Names.qualifiedName(k).forEach(p -> errs.add(FieldError.invalid("metadata.labels", k, p)));
            Names.labelValue(v).forEach(p -> errs.add(FieldError.invalid("metadata.labels", v, p)));
        });
    }

    private static void validateAnnotations(Map<String, String> annotations, List<FieldError> errs) {
        long total = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            Names.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT))
                    .forEach(p -> errs.add(FieldError.invalid("metadata.annotations", e.getKey(), p)));
            total += e.getKey().length() + e.getValue().length();
        }
        if (total > MAX_ANNOTATIONS_BYTES) {
            errs.add(new FieldError(FieldError.Type.TOO_LONG, "metadata.annotations", "may not be more than "
                    + MAX_ANNOTATIONS_BYTES + " bytes", ""));
        }
    }

    private static void validateFinalizers(List<String> finalizers, List<FieldError> errs) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < finalizers.size(); i++) {
            String f = finalizers.get(i);
            String path = "metadata.finalizers[" + i + "]";
            Names.qualifiedName(f).forEach(p -> errs.add(FieldError.invalid(path, f, p)));
            if (!seen.add(f)) {
                errs.add(new FieldError(FieldError.Type.DUPLICATE, path, null, f));
            }
        }
    }

    private static void validateOwners(List<JsonNode> owners, List<FieldError> errs) {
        List<String> controllers = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            JsonNode o = owners.get(i);
            String path = "metadata.ownerReferences[" + i + "]";
            for (String f : List.of("apiVersion", "kind", "name", "uid")) {
                if (o.path(f).asText("").isEmpty()) {
                    errs.add(FieldError.invalid(path + "." + f, "", f + " must not be empty"));
                }
            }
            if (o.path("controller").asBoolean(false)) {
                controllers.add(o.path("kind").asText() + "/" + o.path("name").asText());
            }
        }
        if (controllers.size() > 1) {
            errs.add(FieldError.invalid("metadata.ownerReferences", owners.toString(),
                    "Only one reference can have Controller set to true. Found \"true\" in references for "
                            + String.join(" and ", controllers)));
        }
    }

    /** Update rules: name, namespace, uid, creationTimestamp immutable; no new finalizers while deleting. */
    public static List<FieldError> validateUpdate(JsonNode object, JsonNode old) {
        List<FieldError> errs = new ArrayList<>();
        for (String f : List.of("name", "namespace", "uid")) {
            String now = ObjectMeta.text(object, f);
            if (!Objects.equals(now, ObjectMeta.text(old, f))) {
                errs.add(FieldError.invalid("metadata." + f, now, "field is immutable"));
            }
        }
        if (ObjectMeta.isDeleting(old)) {
            List<String> before = ObjectMeta.finalizers(old);
            for (String f : ObjectMeta.finalizers(object)) {
                if (!before.contains(f)) {
                    errs.add(FieldError.forbidden("metadata.finalizers",
                            "no new finalizers can be added if the object is being deleted, found new finalizers [\""
                                    + f + "\"]"));
                    break;
                }
            }
        }
        return errs;
    }
}
