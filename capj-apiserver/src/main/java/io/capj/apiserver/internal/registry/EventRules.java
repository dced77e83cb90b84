package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;

/** Core Events: selectable by involved object, reason, source and type; PUT may create them. */
final class EventRules implements KindRules {

    @Override
    public Map<String, Function<JsonNode, String>> fieldLabels() {
        return Map.ofEntries(
                involved("kind"), involved("namespace"), involved("name"), involved("uid"), involved("apiVersion"),
                involved("resourceVersion"), involved("fieldPath"),
                Map.entry("reason", o -> o.path("reason").asText("")),
                Map.entry("reportingComponent", o -> o.path("reportingComponent").asText("")),
                Map.entry("source", o -> o.path("source").path("component").asText(o.path("reportingComponent").asText(""))),
                Map.entry("type", o -> o.path("type").asText("")));
    }

    private static Map.Entry<String, Function<JsonNode, String>> involved(String field) {
        return Map.entry("involvedObject." + field, o -> o.path("involvedObject").path(field).asText(""));
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }
}
