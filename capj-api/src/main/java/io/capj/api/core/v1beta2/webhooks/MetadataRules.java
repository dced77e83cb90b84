package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Names;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labels and annotations carried in a spec ({@code spec.template.metadata}, topology metadata), checked as
 * the API server checks an object's own: qualified-name keys, label values, and annotations within 256 KiB.
 */
public final class MetadataRules {
    static final long TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

    private MetadataRules() {
    }

    /** Validates {@code metadata.labels} and {@code metadata.annotations} of a metadata node at {@code path}. */
    public static List<FieldError> validate(String path, JsonNode metadata) {
        List<FieldError> errs = new ArrayList<>();
        String labels = path + ".labels";
        for (Map.Entry<String, JsonNode> label : metadata.path("labels").properties()) {
            Names.qualifiedName(label.getKey()).forEach(m -> errs.add(FieldError.invalid(labels, label.getKey(), m)));
            String value = label.getValue().asText();
            Names.labelValue(value).forEach(m -> errs.add(FieldError.invalid(labels, value, m)));
        }
        String annotations = path + ".annotations";
        long size = 0;
        for (Map.Entry<String, JsonNode> annotation : metadata.path("annotations").properties()) {
            String key = annotation.getKey();
            Names.qualifiedName(key.toLowerCase(Locale.ROOT))
                    .forEach(m -> errs.add(FieldError.invalid(annotations, key, m)));
            size += key.getBytes(StandardCharsets.UTF_8).length
                    + annotation.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errs.add(new FieldError(FieldError.Type.TOO_LONG, annotations,
                    "may not be more than " + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes", null));
        }
        return errs;
    }
}
