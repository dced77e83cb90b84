package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;

/** Nodes: cluster-scoped, {@code spec.unschedulable} selectable (kubectl drain lists by it). */
final class NodeRules implements KindRules {

    @Override
    public Map<String, Function<JsonNode, String>> fieldLabels() {
        return Map.of("spec.unschedulable", o -> Boolean.toString(o.path("spec").path("unschedulable").asBoolean(false)));
    }
}
