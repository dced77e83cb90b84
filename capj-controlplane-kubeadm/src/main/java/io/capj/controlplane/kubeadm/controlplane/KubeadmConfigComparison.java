package io.capj.controlplane.kubeadm.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether a Machine's KubeadmConfig spec still matches the KCP's {@code kubeadmConfigSpec}, as upstream's
 * {@code matchesKubeadmConfig} decides:
 * <ul>
 * <li>The desired spec is the KCP's, computed for a join (initConfiguration emptied, joinConfiguration.controlPlane
 * forced) with {@code ControlPlaneKubeletLocalMode: true} added to the feature gates for Kubernetes 1.31–1.35.</li>
 * <li>A current spec for the first Machine (no joinConfiguration.controlPlane: it was an init) is converted to
 * a join (timeouts, patches, skipPhases, nodeRegistration, localAPIEndpoint move over; caCertPath taken from the
 * desired); when that still differs it is compared once more with the desired computed for init.</li>
 * <li>Ignored: clusterConfiguration.controlPlaneEndpoint and .dns, joinConfiguration.discovery, and
 * timeouts.controlPlaneComponentHealthCheckSeconds; defaults (format cloud-config, imagePullPolicy IfNotPresent)
 * are applied to both sides.</li>
 * <li>Omittable differences are dropped as Go's zero values would be: null, empty strings, empty objects and empty
 * lists read as unset — except {@code nodeRegistration.taints}, where an empty list means "no taints" and differs
 * from unset (kubeadm's default taint).</li>
 * </ul>
 */
public final class KubeadmConfigComparison {

    static final String KUBELET_LOCAL_MODE_GATE = "ControlPlaneKubeletLocalMode";

    private KubeadmConfigComparison() {
    }

    /** The outcome: match, or the dotted paths that differ. */
    public record Outcome(boolean matches, List<String> differences) {
        /** Upstream's log message for a mismatch. */
        public String logMessage() {
            return "Machine KubeadmConfig is outdated: diff: " + String.join(", ", differences);
        }
    }

    /** Compares a Machine's KubeadmConfig {@code spec} with the KCP's {@code kubeadmConfigSpec} at {@code version}. */
    public static Outcome compare(JsonNode kcpKubeadmConfigSpec, String version, JsonNode currentSpec) {
        ObjectNode desiredJoin = desiredSpec(kcpKubeadmConfigSpec, version, true);
        List<String> joinDiff = diff(prepare(desiredJoin, currentSpec, true, desiredJoin));
        if (joinDiff.isEmpty()) {
            return new Outcome(true, List.of());
        }
        if (!isForJoin(currentSpec)) {
            ObjectNode desiredInit = desiredSpec(kcpKubeadmConfigSpec, version, false);
            List<String> initDiff = diff(prepare(desiredInit, currentSpec, false, desiredInit));
            return new Outcome(initDiff.isEmpty(), initDiff);
        }
        return new Outcome(false, joinDiff);
    }

    /** Upstream {@code isKubeadmConfigForJoin}: joinConfiguration.controlPlane is set (the init Machine's is not). */
    public static boolean isForJoin(JsonNode spec) {
        return spec.at("/joinConfiguration/controlPlane").isObject();
    }

    /** Upstream {@code ComputeDesiredKubeadmConfig}'s spec, for a joining Machine or for the first (init) one. */
    public static ObjectNode desiredSpec(JsonNode kcpSpec, String version, boolean join) {
        ObjectNode spec = kcpSpec.isObject() ? ((ObjectNode) kcpSpec).deepCopy() : JsonNodeFactory.instance.objectNode();
        if (join) {
            spec.remove("initConfiguration");
            ObjectNode joinConfiguration = objectAt(spec, "joinConfiguration");
            if (!joinConfiguration.path("controlPlane").isObject()) {
                joinConfiguration.putObject("controlPlane");
            }
        } else {
            spec.remove("joinConfiguration");
        }
        if (needsKubeletLocalModeGate(version)) {
            ObjectNode gates = objectAt(objectAt(spec, "clusterConfiguration"), "featureGates");
            if (!gates.has(KUBELET_LOCAL_MODE_GATE)) {
                gates.put(KUBELET_LOCAL_MODE_GATE, true);
            }
        }
        return spec;
    }

    /** Kubernetes 1.31 ≤ version < 1.36 (pre-releases ignored); an unparsable version adds no gate. */
    static boolean needsKubeletLocalModeGate(String version) {
        String[] parts = version.startsWith("v") ? version.substring(1).split("[.\\-+]") : version.split("[.\\-+]");
        if (parts.length < 2) {
            return false;
        }
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            return major == 1 && minor >= 31 && minor < 36;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ObjectNode[] prepare(ObjectNode desiredIn, JsonNode currentIn, boolean convertInitToJoin,
            ObjectNode desiredForCaCertPath) {
        ObjectNode desired = desiredIn.deepCopy();
        ObjectNode current = currentIn.isObject() ? ((ObjectNode) currentIn).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (convertInitToJoin && !isForJoin(current)) {
            convertInitToJoin(current, desiredForCaCertPath);
        }
        copyFromDesired(desired, current, "controlPlaneEndpoint");
        copyFromDesired(desired, current, "dns");
        for (ObjectNode spec : new ObjectNode[] {desired, current}) {
            applyPreviousDefaults(spec);
            objectAt(spec, "joinConfiguration").remove("discovery");
            for (String configuration : List.of("initConfiguration", "joinConfiguration")) {
                objectAt(objectAt(spec, configuration), "timeouts").remove("controlPlaneComponentHealthCheckSeconds");
            }
            dropOmittable(spec, "");
        }
        return new ObjectNode[] {desired, current};
    }

    private static void convertInitToJoin(ObjectNode current, ObjectNode desired) {
        JsonNode init = current.path("initConfiguration");
        ObjectNode join = objectAt(current, "joinConfiguration");
        for (String field : List.of("timeouts", "patches", "skipPhases", "nodeRegistration")) {
            if (init.has(field)) {
                join.set(field, init.get(field).deepCopy());
            } else {
                join.remove(field);
            }
        }
        ObjectNode controlPlane = join.putObject("controlPlane");
        if (init.has("localAPIEndpoint")) {
            controlPlane.set("localAPIEndpoint", init.get("localAPIEndpoint").deepCopy());
        }
        current.remove("initConfiguration");
        JsonNode caCertPath = desired.at("/joinConfiguration/caCertPath");
        if (caCertPath.isMissingNode()) {
            join.remove("caCertPath");
        } else {
            join.set("caCertPath", caCertPath.deepCopy());
        }
    }

    private static void copyFromDesired(ObjectNode desired, ObjectNode current, String clusterConfigurationField) {
        JsonNode value = desired.path("clusterConfiguration").get(clusterConfigurationField);
        ObjectNode target = objectAt(current, "clusterConfiguration");
        if (value == null) {
            target.remove(clusterConfigurationField);
        } else {
            target.set(clusterConfigurationField, value.deepCopy());
        }
    }

    /** Upstream {@code ApplyPreviousKubeadmConfigDefaults}, minus the discovery default (discovery is dropped). */
    private static void applyPreviousDefaults(ObjectNode spec) {
        if (spec.path("format").asText("").isEmpty()) {
            spec.put("format", "cloud-config");
        }
        for (String configuration : List.of("initConfiguration", "joinConfiguration")) {
            ObjectNode registration = objectAt(objectAt(spec, configuration), "nodeRegistration");
            if (registration.path("imagePullPolicy").asText("").isEmpty()) {
                registration.put("imagePullPolicy", "IfNotPresent");
            }
        }
    }

    /** Removes null, "", {} and [] recursively; keeps an empty nodeRegistration.taints (it means "no taints"). */
    private static boolean dropOmittable(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (dropOmittable(field.getValue(), childPath)) {
                    fields.remove();
                }
            }
            return node.isEmpty();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                dropOmittable(item, path + "[]");
            }
            return node.isEmpty() && !path.endsWith("nodeRegistration.taints");
        }
        return node.isNull() || (node.isTextual() && node.asText().isEmpty());
    }

    private static List<String> diff(ObjectNode[] desiredAndCurrent) {
        TreeSet<String> paths = new TreeSet<>();
        diff(desiredAndCurrent[0], desiredAndCurrent[1], "", paths);
        return new ArrayList<>(paths);
    }

    private static void diff(JsonNode desired, JsonNode current, String path, TreeSet<String> out) {
        if (desired.isObject() && current.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            desired.fieldNames().forEachRemaining(keys::add);
            current.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(desired.path(key), current.path(key), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (desired.isNumber() && current.isNumber()) {
            if (desired.decimalValue().compareTo(current.decimalValue()) != 0) {
                out.add(path);
            }
        } else if (!desired.equals(current)) {
            out.add(path);
        }
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }
}
