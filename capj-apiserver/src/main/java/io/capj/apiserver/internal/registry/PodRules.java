package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * Pods: the field-selector labels upstream registers for pods ({@code kubectl drain} and the Machine
 * controller's drain list a node's pods with {@code spec.nodeName=<node>}). A new pod without a phase is
 * {@code Pending} as upstream; unlike upstream, a status given at creation is kept, because no kubelet runs to
 * advance it: whoever simulates the workload writes pod status.
 */
final class PodRules implements KindRules {

    @Override
    public void applyDefaults(ObjectNode pod, JsonNode old) {
        if (old != null) {
            return;
        }
        JsonNode status = pod.get("status");
        ObjectNode s = status instanceof ObjectNode o ? o : pod.putObject("status");
        if (s.path("phase").asText("").isEmpty()) {
            s.put("phase", "Pending");
        }
    }

    @Override
    public Map<String, Function<JsonNode, String>> fieldLabels() {
        return Map.of(
                "spec.nodeName", o -> spec(o, "nodeName"),
                "spec.restartPolicy", o -> spec(o, "restartPolicy"),
                "spec.schedulerName", o -> spec(o, "schedulerName"),
                "spec.serviceAccountName", o -> spec(o, "serviceAccountName"),
                "spec.hostNetwork", o -> Boolean.toString(o.path("spec").path("hostNetwork").asBoolean(false)),
                "status.phase", o -> status(o, "phase"),
                "status.podIP", o -> o.path("status").path("podIPs").path(0).path("ip").asText(status(o, "podIP")),
                "status.nominatedNodeName", o -> status(o, "nominatedNodeName"));
    }

    private static String spec(JsonNode pod, String field) {
        return pod.path("spec").path(field).asText("");
    }

    private static String status(JsonNode pod, String field) {
        return pod.path("status").path(field).asText("");
    }
}
