package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.plain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks kubeadm's documents share, converted from Cluster API's v1beta2 shape to the target kubeadm API:
 * extra args (name/value lists in v1beta4, maps in v1beta3), control plane components, node registration, API
 * endpoints, patches and timeouts (seconds in Cluster API, Go durations in kubeadm).
 */
final class KubeadmBlocks {
    /** Cluster API's taint for nodes whose labels it has not synced yet; worker joins register with it. */
    static final String UNINITIALIZED_TAINT_KEY = "node.cluster.x-k8s.io/uninitialized";

    /** Cluster API's timeout field (seconds) and kubeadm v1beta4's (duration), in kubeadm's field order. */
    private static final String[][] TIMEOUTS = {
        {"controlPlaneComponentHealthCheckSeconds", "controlPlaneComponentHealthCheck"},
        {"kubeletHealthCheckSeconds", "kubeletHealthCheck"},
        {"kubernetesAPICallSeconds", "kubernetesAPICall"},
        {"etcdAPICallSeconds", "etcdAPICall"},
        {"tlsBootstrapSeconds", "tlsBootstrap"},
        {"discoverySeconds", "discovery"},
    };

    private KubeadmBlocks() {
    }

    /** Extra args: kept as a name/value list for v1beta4, a name-to-value map (last wins) for v1beta3. */
    static Object extraArgs(JsonNode args, KubeadmApiVersion api) {
        if (!args.isArray() || args.isEmpty()) {
            return null;
        }
        if (api == KubeadmApiVersion.V1BETA3) {
            Map<String, Object> map = new LinkedHashMap<>();
            args.forEach(arg -> map.put(arg.path("name").asText(), arg.path("value").asText("")));
            return map;
        }
        List<Object> list = new ArrayList<>();
        args.forEach(arg -> list.add(new YamlMapping()
                .put("name", arg.path("name").asText())
                .put("value", arg.path("value").asText(""))
                .toMap()));
        return list;
    }

    /** An API server, controller manager or scheduler block (always written, {@code {}} when empty). */
    static YamlMapping component(JsonNode component, KubeadmApiVersion api) {
        YamlMapping block = new YamlMapping()
                .putNonEmpty("extraArgs", extraArgs(component.path("extraArgs"), api))
                .putNonEmpty("extraVolumes", extraVolumes(component.path("extraVolumes")));
        if (api == KubeadmApiVersion.V1BETA4) {
            block.putNonEmpty("extraEnvs", plain(component.path("extraEnvs")));
        }
        return block;
    }

    private static List<Object> extraVolumes(JsonNode volumes) {
        List<Object> list = new ArrayList<>();
        volumes.forEach(volume -> list.add(new YamlMapping()
                .put("name", volume.path("name").asText())
                .put("hostPath", volume.path("hostPath").asText())
                .put("mountPath", volume.path("mountPath").asText())
                .flag("readOnly", volume, "readOnly")
                .text("pathType", volume, "pathType")
                .toMap()));
        return list;
    }

    /**
     * {@code nodeRegistration}, always written. {@code taints} is always written too: absent means null, which
     * kubeadm init reads as "use the default control-plane taint", while {@code []} means no taints. With
     * {@code uninitializedTaint} the Cluster API uninitialized taint is added unless already there.
     */
    static Map<String, Object> nodeRegistration(JsonNode registration, KubeadmApiVersion api,
                                                boolean uninitializedTaint) {
        YamlMapping block = new YamlMapping()
                .text("name", registration, "name")
                .text("criSocket", registration, "criSocket")
                .put("taints", taints(registration.path("taints"), uninitializedTaint))
                .putNonEmpty("kubeletExtraArgs", extraArgs(registration.path("kubeletExtraArgs"), api))
                .texts("ignorePreflightErrors", registration, "ignorePreflightErrors")
                .text("imagePullPolicy", registration, "imagePullPolicy");
        if (api == KubeadmApiVersion.V1BETA4) {
            block.present("imagePullSerial", registration, "imagePullSerial");
        }
        return block.toMap();
    }

    private static Object taints(JsonNode taints, boolean uninitializedTaint) {
        if (!taints.isArray() && !uninitializedTaint) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        boolean hasUninitialized = false;
        for (JsonNode taint : taints) {
            list.add(plain(taint));
            hasUninitialized |= UNINITIALIZED_TAINT_KEY.equals(taint.path("key").asText())
                    && "NoSchedule".equals(taint.path("effect").asText());
        }
        if (uninitializedTaint && !hasUninitialized) {
            list.add(new YamlMapping().put("key", UNINITIALIZED_TAINT_KEY).put("effect", "NoSchedule").toMap());
        }
        return list;
    }

    /** {@code localAPIEndpoint}: always written, {@code {}} when empty. */
    static Map<String, Object> apiEndpoint(JsonNode endpoint) {
        YamlMapping block = new YamlMapping().text("advertiseAddress", endpoint, "advertiseAddress");
        if (endpoint.path("bindPort").asInt(0) != 0) {
            block.put("bindPort", endpoint.path("bindPort").asInt());
        }
        return block.toMap();
    }

    /** {@code patches}, or null when no directory is set. */
    static Map<String, Object> patches(JsonNode patches) {
        YamlMapping block = new YamlMapping().text("directory", patches, "directory");
        return block.isEmpty() ? null : block.toMap();
    }

    /** kubeadm v1beta4's {@code timeouts}, or null when none is set. */
    static Map<String, Object> timeouts(JsonNode timeouts) {
        YamlMapping block = new YamlMapping();
        for (String[] names : TIMEOUTS) {
            JsonNode seconds = timeouts.path(names[0]);
            if (seconds.isIntegralNumber()) {
                block.put(names[1], duration(seconds.longValue()));
            }
        }
        return block.isEmpty() ? null : block.toMap();
    }

    /** A whole number of seconds as Go prints a time.Duration: {@code 0s}, {@code 50s}, {@code 1m30s}, {@code 24h0m0s}. */
    static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        return minutes > 0 ? minutes + "m" + rest + "s" : rest + "s";
    }
}
