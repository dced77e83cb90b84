package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * kube's Pod printer: {@code NAME READY STATUS RESTARTS AGE}, plus the wide columns the server always fills
 * ({@code IP NODE NOMINATED-NODE READINESS-GATES}). Status is the phase (or {@code status.reason}), overridden by a
 * container's waiting or terminated reason and by {@code Terminating} while a non-terminal pod is deleted. Init
 * container progress ({@code Init:0/1}) and the time of the last restart are not rendered.
 */
final class PodPrinter {
    private static final String NONE = "<none>";

    static final RowPrinter PRINTER = new KindPrinter(List.of(
            TableColumn.nameColumn(),
            TableColumn.text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            TableColumn.text("Status", "The aggregate status of the containers in this pod."),
            TableColumn.text("Restarts", "The number of times the containers in this pod have been restarted and "
                    + "when the last container in this pod has restarted."),
            TableColumn.ageColumn(),
            TableColumn.wide("IP", "podIP address allocated to the pod. Routable at least within the cluster. "
                    + "Empty if not yet allocated."),
            TableColumn.wide("Node", "NodeName indicates in which node this pod is scheduled."),
            TableColumn.wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on "
                    + "the node, but it cannot be scheduled right away as preemption victims receive their graceful "
                    + "termination periods."),
            TableColumn.wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod "
                    + "readiness. A pod is ready when all its containers are ready AND all conditions specified in "
                    + "the readiness gates have status equal to \"True\" More info: "
                    + "https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates")),
            PodPrinter::cells);

    private PodPrinter() {
    }

    private static List<JsonNode> cells(JsonNode pod, Instant now) {
        JsonNode status = pod.path("status");
        String reason = Cells.string(status, "reason").isEmpty() ? Cells.string(status, "phase")
                : Cells.string(status, "reason");
        long restarts = 0;
        int ready = 0;
        JsonNode containers = status.path("containerStatuses");
        for (int i = containers.size() - 1; i >= 0; i--) {
            JsonNode c = containers.get(i);
            restarts += c.path("restartCount").asLong(0);
            JsonNode state = c.path("state");
            JsonNode terminated = state.path("terminated");
            if (!Cells.string(state, "waiting", "reason").isEmpty()) {
                reason = Cells.string(state, "waiting", "reason");
            } else if (!Cells.string(terminated, "reason").isEmpty()) {
                reason = Cells.string(terminated, "reason");
            } else if (terminated.isObject()) {
                reason = terminated.path("signal").asInt(0) != 0 ? "Signal:" + terminated.path("signal").asInt()
                        : "ExitCode:" + terminated.path("exitCode").asInt(0);
            } else if (c.path("ready").asBoolean(false) && state.path("running").isObject()) {
                ready++;
            }
        }
        String phase = Cells.string(status, "phase");
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            if (Cells.string(status, "reason").equals("NodeLost")) {
                reason = "Unknown";
            } else if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
                reason = "Terminating";
            }
        }
        return List.of(Cells.name(pod), Cells.text(ready + "/" + pod.path("spec").path("containers").size()),
                Cells.text(reason), Cells.text(Long.toString(restarts)), Cells.age(pod, now),
                Cells.text(orNone(Cells.string(status, "podIP"))),
                Cells.text(orNone(Cells.string(pod, "spec", "nodeName"))),
                Cells.text(orNone(Cells.string(status, "nominatedNodeName"))),
                Cells.text(readinessGates(pod)));
    }

    private static String readinessGates(JsonNode pod) {
        JsonNode gates = pod.path("spec").path("readinessGates");
        if (gates.isEmpty()) {
            return NONE;
        }
        int passing = 0;
        for (JsonNode gate : gates) {
            for (JsonNode c : pod.path("status").path("conditions")) {
                if (c.path("type").asText().equals(gate.path("conditionType").asText())
                        && c.path("status").asText().equals("True")) {
                    passing++;
                }
            }
        }
        return passing + "/" + gates.size();
    }

    private static String orNone(String s) {
        return s.isEmpty() ? NONE : s;
    }
}
