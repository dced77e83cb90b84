package io.capj.api.core.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code metav1.Condition} read from {@code status.conditions}. Writing conditions is the runtime's
 * job (transition times, observedGeneration); this record only reads them.
 */
public record Condition(String type, String status, String reason, String message, String lastTransitionTime,
                        long observedGeneration) {

    /** True when the condition's status is {@code "True"}. */
    public boolean isTrue() {
        return "True".equals(status);
    }

    /** Every condition under {@code status} (absent list: empty). */
    public static List<Condition> all(JsonNode status) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : status.path("conditions")) {
            conditions.add(new Condition(c.path("type").asText(), c.path("status").asText(),
                    c.path("reason").asText(), c.path("message").asText(), c.path("lastTransitionTime").asText(),
                    c.path("observedGeneration").asLong()));
        }
        return conditions;
    }

    /** The condition of the given type under {@code status}, if reported. */
    public static Optional<Condition> find(JsonNode status, String type) {
        return all(status).stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
