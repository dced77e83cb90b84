package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.Condition;
import java.util.List;

/** A Node's {@code status.conditions} read as conditions (type, status, reason, lastTransitionTime). */
final class NodeConditions {
    private NodeConditions() {
    }

    static List<Condition> of(JsonNode node) {
        return Condition.all(node.path("status"));
    }
}
