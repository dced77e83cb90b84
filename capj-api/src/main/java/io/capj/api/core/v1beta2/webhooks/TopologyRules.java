package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.ObjectMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules on {@code Cluster.spec.topology} that need no ClusterClass: class name, version (and that it only
 * goes up), per-topology metadata, rollout bounds and taints, the upgrade concurrency annotation, and replicas
 * versus autoscaler annotations. Checks against the ClusterClass (variables, compatibility on class change,
 * health checks, version ceilings and upgrade readiness) are not here yet.
 */
public final class TopologyRules {
    static final String PATH = "spec.topology";

    private TopologyRules() {
    }

    /** All topology errors for {@code cluster}, given the stored Cluster on update (else null). */
    public static List<FieldError> validate(JsonNode cluster, JsonNode old) {
        JsonNode topology = cluster.path("spec").path("topology");
        List<FieldError> errs = new ArrayList<>();
        if (topology.path("classRef").path("name").asText().isEmpty()) {
            errs.add(FieldError.required(PATH + ".classRef.name", "cannot be empty"));
            return errs;
        }
        String version = topology.path("version").asText();
        errs.addAll(SemanticVersions.validate(PATH + ".version", version, "version must be a valid semantic version"));
        errs.addAll(metadata(topology));
        errs.addAll(rollout(topology));
        errs.addAll(taints(topology));
        errs.addAll(upgradeConcurrency(cluster));
        errs.addAll(autoscalerAnnotations(cluster));
        if (old != null) {
            errs.addAll(update(cluster, old));
        }
        return errs;
    }

    private static List<FieldError> update(JsonNode cluster, JsonNode old) {
        JsonNode oldTopology = old.path("spec").path("topology");
        if (!isDefined(oldTopology) || oldTopology.path("classRef").path("name").asText().isEmpty()) {
            if (ObjectMeta.annotations(cluster)
                    .containsKey(CoreAnnotations.ClusterTopologyUnsafeUpdateClassNameAnnotation)) {
                return List.of();
            }
            return List.of(FieldError.forbidden(PATH + ".class", "classRef cannot be set on an existing Cluster"));
        }
        if (ObjectMeta.annotations(cluster).containsKey(CoreAnnotations.ClusterTopologyUnsafeUpdateVersionAnnotation)) {
            return List.of();
        }
        String version = cluster.path("spec").path("topology").path("version").asText();
        String oldVersion = oldTopology.path("version").asText();
        int[] in = coreVersion(version);
        int[] was = coreVersion(oldVersion);
        if (in != null && was != null && !strip(version).equals(strip(oldVersion)) && compare(in, was) < 0) {
            return List.of(FieldError.invalid(PATH + ".version", version, "version cannot be decreased from \""
                    + strip(oldVersion) + "\" to \"" + strip(version) + "\""));
        }
        return List.of();
    }

    /** Whether a topology (or ref) object is set at all, as upstream's {@code IsDefined}. */
    static boolean isDefined(JsonNode node) {
        return node.isObject() && !node.isEmpty();
    }

    private static List<FieldError> metadata(JsonNode topology) {
        List<FieldError> errs = new ArrayList<>(MetadataRules.validate(PATH + ".controlPlane.metadata",
                topology.path("controlPlane").path("metadata")));
        for (String pool : List.of("machineDeployments", "machinePools")) {
            for (JsonNode worker : topology.path("workers").path(pool)) {
                errs.addAll(MetadataRules.validate(workerPath(pool, worker) + ".metadata", worker.path("metadata")));
            }
        }
        return errs;
    }

    private static List<FieldError> rollout(JsonNode topology) {
        List<FieldError> errs = new ArrayList<>();
        for (JsonNode md : topology.path("workers").path("machineDeployments")) {
            JsonNode rollingUpdate = md.path("rollout").path("strategy").path("rollingUpdate");
            errs.addAll(RolloutRules.validateStrategy(workerPath("machineDeployments", md) + ".rollout.strategy",
                    rollingUpdate.path("maxUnavailable"), rollingUpdate.path("maxSurge")));
        }
        return errs;
    }

    private static List<FieldError> taints(JsonNode topology) {
        List<FieldError> errs = new ArrayList<>(MachineTaintRules.validate(
                topology.path("controlPlane").path("taints"), PATH + ".controlPlane.taints"));
        for (String pool : List.of("machineDeployments", "machinePools")) {
            for (JsonNode worker : topology.path("workers").path(pool)) {
                errs.addAll(MachineTaintRules.validate(worker.path("taints"), workerPath(pool, worker) + ".taints"));
            }
        }
        return errs;
    }

    private static List<FieldError> upgradeConcurrency(JsonNode cluster) {
        String key = CoreAnnotations.ClusterTopologyUpgradeConcurrencyAnnotation;
        JsonNode value = cluster.path("metadata").path("annotations").get(key);
        if (value == null) {
            return List.of();
        }
        String text = value.asText();
        String field = "metadata.annotations." + key;
        if (!text.matches("[+-]?[0-9]+")) {
            return List.of(FieldError.invalid(field, text,
                    "could not parse the value of the annotation: strconv.Atoi: parsing \"" + text + "\": invalid syntax"));
        }
        long concurrency = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        return concurrency < 1 ? List.of(FieldError.invalid(field, text, "value cannot be less than 1")) : List.of();
    }

    private static List<FieldError> autoscalerAnnotations(JsonNode cluster) {
        List<FieldError> errs = new ArrayList<>();
        for (JsonNode md : cluster.path("spec").path("topology").path("workers").path("machineDeployments")) {
            JsonNode annotations = md.path("metadata").path("annotations");
            if (md.path("replicas").isIntegralNumber()
                    && (annotations.has(CoreAnnotations.AutoscalerMinSizeAnnotation)
                    || annotations.has(CoreAnnotations.AutoscalerMaxSizeAnnotation))) {
                errs.add(FieldError.invalid(workerPath("machineDeployments", md) + ".replicas",
                        md.path("replicas").intValue(), "cannot be set for cluster \"" + ObjectMeta.name(cluster)
                                + "\" in namespace \"" + ObjectMeta.namespace(cluster)
                                + "\" if the same MachineDeploymentTopology has autoscaler annotations"));
            }
        }
        return errs;
    }

    private static String workerPath(String pool, JsonNode worker) {
        return PATH + ".workers." + pool + "[" + worker.path("name").asText() + "]";
    }

    private static String strip(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }

    /** Major, minor and patch of a tolerant semver, or null when it does not parse. */
    static int[] coreVersion(String version) {
        String core = strip(version).split("[-+]", 2)[0];
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!parts[i].matches("[0-9]{1,9}")) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
