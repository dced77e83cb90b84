package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which differences between a MachineSet's template and its MachineDeployment's template need a rollout, as
 * upstream's {@code mdutil.MachineTemplateUpToDate}: version, failure domain, bootstrap (config reference or data
 * secret) and infrastructure reference, references compared by group, kind and name only. Everything else a
 * MachineDeployment propagates in place (metadata, minReadySeconds, readinessGates, deletion timeouts, taints)
 * never causes one.
 */
public final class MachineTemplates {
    /** Template spec fields updated in place, so they are left out of comparisons and the template hash. */
    private static final List<String> IN_PLACE_FIELDS = List.of("clusterName", "providerID", "minReadySeconds",
            "readinessGates", "taints");
    private static final List<String> IN_PLACE_DELETION_FIELDS = List.of("nodeDrainTimeoutSeconds",
            "nodeVolumeDetachTimeoutSeconds", "nodeDeletionTimeoutSeconds");

    private MachineTemplates() {
    }

    /**
     * The reasons {@code current} (a MachineSet's {@code spec.template}) is not up to date with {@code desired}
     * (the MachineDeployment's); empty when it is.
     */
    public static List<String> rolloutReasons(JsonNode current, JsonNode desired) {
        JsonNode cur = current.path("spec");
        JsonNode want = desired.path("spec");
        List<String> reasons = new ArrayList<>();
        if (!cur.path("version").asText().equals(want.path("version").asText())) {
            reasons.add("spec.version " + cur.path("version").asText() + ", " + want.path("version").asText()
                    + " required");
        }
        if (!normalizedBootstrap(cur.path("bootstrap")).equals(normalizedBootstrap(want.path("bootstrap")))) {
            reasons.add("spec.bootstrap " + describe(cur.path("bootstrap").path("configRef")) + ", "
                    + describe(want.path("bootstrap").path("configRef")) + " required");
        }
        if (!normalizedRef(cur.path("infrastructureRef")).equals(normalizedRef(want.path("infrastructureRef")))) {
            reasons.add("spec.infrastructureRef " + describe(cur.path("infrastructureRef")) + ", "
                    + describe(want.path("infrastructureRef")) + " required");
        }
        if (!cur.path("failureDomain").asText().equals(want.path("failureDomain").asText())) {
            reasons.add("spec.failureDomain " + cur.path("failureDomain").asText() + ", "
                    + want.path("failureDomain").asText() + " required");
        }
        return reasons;
    }

    /**
     * A stable hash of the fields of {@code template} that cause a rollout (upstream hashes the same copy), used
     * as the prefix of the {@code machine-template-hash} label.
     */
    static long rolloutHash(JsonNode template) {
        ObjectNode spec = template.path("spec").isObject() ? ((ObjectNode) template.path("spec")).deepCopy()
                : Json.object();
        IN_PLACE_FIELDS.forEach(spec::remove);
        if (spec.get("deletion") instanceof ObjectNode deletion) {
            IN_PLACE_DELETION_FIELDS.forEach(deletion::remove);
            if (deletion.isEmpty()) {
                spec.remove("deletion");
            }
        }
        if (spec.has("infrastructureRef")) {
            spec.set("infrastructureRef", normalizedRef(spec.get("infrastructureRef")));
        }
        if (spec.get("bootstrap") instanceof ObjectNode bootstrap && bootstrap.has("configRef")) {
            bootstrap.set("configRef", normalizedRef(bootstrap.get("configRef")));
        }
        byte[] bytes = canonical(spec).getBytes(StandardCharsets.UTF_8);
        long hash = 0x811c9dc5L;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash = (hash * 0x01000193L) & 0xffffffffL;
        }
        return hash;
    }

    private static JsonNode normalizedBootstrap(JsonNode bootstrap) {
        ObjectNode out = Json.object();
        out.set("configRef", normalizedRef(bootstrap.path("configRef")));
        out.put("dataSecretName", bootstrap.path("dataSecretName").asText());
        return out;
    }

    /** group, kind and name; a legacy apiVersion is ignored, as the version is resolved through the CRD. */
    private static JsonNode normalizedRef(JsonNode ref) {
        ObjectNode out = Json.object();
        out.put("apiGroup", ref.path("apiGroup").asText());
        out.put("kind", ref.path("kind").asText());
        out.put("name", ref.path("name").asText());
        return out;
    }

    private static String describe(JsonNode ref) {
        return ref.isMissingNode() ? "<none>" : ref.path("kind").asText() + " " + ref.path("name").asText();
    }

    /** JSON with object keys sorted, so equal trees hash equally whatever their key order. */
    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(canonical(v)));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (JsonNode item : node) {
                out.append(out.length() > 1 ? "," : "").append(canonical(item));
            }
            return out.append(']').toString();
        }
        return node.toString();
    }
}
