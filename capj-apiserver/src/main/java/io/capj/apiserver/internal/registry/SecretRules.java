package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Secrets: type defaults to Opaque, stringData is folded into data, data values must be base64, type is immutable. */
final class SecretRules implements KindRules {

    @Override
    public void applyDefaults(ObjectNode object, JsonNode old) {
        if (object.path("type").asText("").isEmpty()) {
            object.put("type", "Opaque");
        }
        JsonNode stringData = object.remove("stringData");
        if (stringData != null && stringData.isObject()) {
            ObjectNode data = object.has("data") && object.get("data").isObject()
                    ? (ObjectNode) object.get("data") : object.putObject("data");
            stringData.fields().forEachRemaining(e -> data.put(e.getKey(),
                    Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode object) {
        List<FieldError> errs = new ArrayList<>();
        object.path("data").fields().forEachRemaining(e -> {
            try {
                Base64.getDecoder().decode(e.getValue().asText());
            } catch (IllegalArgumentException ex) {
                errs.add(FieldError.invalid("data[" + e.getKey() + "]", "<secret contents redacted>",
                        "illegal base64 data"));
            }
        });
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode object, JsonNode old) {
        List<FieldError> errs = new ArrayList<>(validateCreate(object));
        if (!object.path("type").asText().equals(old.path("type").asText())) {
            errs.add(FieldError.invalid("type", object.path("type").asText(), "field is immutable"));
        }
        if (old.path("immutable").asBoolean(false) && !object.path("data").equals(old.path("data"))) {
            errs.add(FieldError.forbidden("data", "field is immutable when `immutable` is set"));
        }
        return errs;
    }

    @Override
    public Map<String, Function<JsonNode, String>> fieldLabels() {
        return Map.of("type", o -> o.path("type").asText(""));
    }
}
