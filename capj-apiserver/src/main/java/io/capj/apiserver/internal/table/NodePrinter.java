package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * kube's Node printer: {@code NAME STATUS ROLES AGE VERSION}, plus the wide columns the server always fills
 * ({@code INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME}). Status is {@code Ready},
 * {@code NotReady} or {@code Unknown} from the Ready condition, with {@code ,SchedulingDisabled} when cordoned;
 * roles come from {@code node-role.kubernetes.io/<role>} and {@code kubernetes.io/role} labels.
 */
final class NodePrinter {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";
    private static final String NONE = "<none>";
    private static final String ADDRESSES = "List of addresses reachable to the node.";

    static final RowPrinter PRINTER = new KindPrinter(List.of(
            TableColumn.nameColumn(),
            TableColumn.text("Status", "The status of the node"),
            TableColumn.text("Roles", "The roles of the node"),
            TableColumn.ageColumn(),
            TableColumn.text("Version", "Kubelet Version reported by the node."),
            TableColumn.wide("Internal-IP", ADDRESSES),
            TableColumn.wide("External-IP", ADDRESSES),
            TableColumn.wide("OS-Image", "OS Image reported by the node from /etc/os-release "
                    + "(e.g. Debian GNU/Linux 7 (wheezy))."),
            TableColumn.wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' "
                    + "(e.g. 3.16.0-0.bpo.4-amd64)."),
            TableColumn.wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime "
                    + "remote API (e.g. containerd://1.4.2).")),
            NodePrinter::cells);

    private NodePrinter() {
    }

    private static List<JsonNode> cells(JsonNode node, Instant now) {
        JsonNode info = node.path("status").path("nodeInfo");
        return List.of(Cells.name(node), Cells.text(status(node)), Cells.text(roles(node)), Cells.age(node, now),
                Cells.text(Cells.string(info, "kubeletVersion")),
                Cells.text(address(node, "InternalIP")), Cells.text(address(node, "ExternalIP")),
                Cells.text(orUnknown(Cells.string(info, "osImage"))),
                Cells.text(orUnknown(Cells.string(info, "kernelVersion"))),
                Cells.text(orUnknown(Cells.string(info, "containerRuntimeVersion"))));
    }

    private static String status(JsonNode node) {
        List<String> status = new ArrayList<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                status.clear(); // the last Ready condition wins, as upstream's map does
                status.add(c.path("status").asText().equals("True") ? "Ready" : "NotReady");
            }
        }
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    private static String roles(JsonNode node) {
        TreeSet<String> roles = new TreeSet<>();
        node.path("metadata").path("labels").properties().forEach(e -> {
            String key = e.getKey();
            if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
                roles.add(key.substring(ROLE_PREFIX.length()));
            } else if (key.equals(ROLE_LABEL) && !e.getValue().asText().isEmpty()) {
                roles.add(e.getValue().asText());
            }
        });
        return roles.isEmpty() ? NONE : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (a.path("type").asText().equals(type)) {
                return a.path("address").asText();
            }
        }
        return NONE;
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "<unknown>" : s;
    }
}
