package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which fields of a KubeadmControlPlane may change on update: upstream's allow-list, matched against the
 * paths of a JSON merge patch from the stored object to the new one. A pattern ending in {@code *} allows
 * anything below its prefix; otherwise a path matches only a pattern of the same length. Everything else
 * (for example most of {@code clusterConfiguration}, {@code caCertPath} aside) is immutable.
 */
final class MutableFields {
    private static final String ANY = "*";
    private static final String STATUS = "status";
    private static final String KCS = "spec.kubeadmConfigSpec.";
    private static final String CC = KCS + "clusterConfiguration.";
    private static final String INIT = KCS + "initConfiguration.";
    private static final String JOIN = KCS + "joinConfiguration.";
    /** Upstream's {@code allowedPaths}, in its order, dot-separated. */
    static final List<List<String>> ALLOWED = List.of(
            path("metadata.*"),
            path(CC + "etcd"), path(CC + "etcd.*"), path(CC + "etcd.local"), path(CC + "etcd.local.*"),
            path(CC + "etcd.external.*"), path(CC + "dns"), path(CC + "dns.*"), path(CC + "imageRepository"),
            path(CC + "featureGates"), path(CC + "featureGates.*"), path(CC + "apiServer"), path(CC + "apiServer.*"),
            path(CC + "controllerManager"), path(CC + "controllerManager.*"), path(CC + "scheduler"),
            path(CC + "scheduler.*"), path(CC + "certificateValidityPeriodDays"), path(CC + "encryptionAlgorithm"),
            path(INIT + "nodeRegistration"), path(INIT + "nodeRegistration.*"), path(INIT + "patches.directory"),
            path(INIT + "patches"), path(INIT + "skipPhases"), path(INIT + "bootstrapTokens"),
            path(INIT + "localAPIEndpoint"), path(INIT + "localAPIEndpoint.*"), path(INIT + "timeouts"),
            path(INIT + "timeouts.*"),
            path(JOIN + "nodeRegistration"), path(JOIN + "nodeRegistration.*"), path(JOIN + "patches.directory"),
            path(JOIN + "patches"), path(JOIN + "skipPhases"), path(JOIN + "caCertPath"), path(JOIN + "controlPlane"),
            path(JOIN + "controlPlane.*"), path(JOIN + "discovery"), path(JOIN + "discovery.*"),
            path(JOIN + "timeouts"), path(JOIN + "timeouts.*"),
            path(KCS + "bootCommands"), path(KCS + "preKubeadmCommands"), path(KCS + "postKubeadmCommands"),
            path(KCS + "files"), path(KCS + "verbosity"), path(KCS + "users"), path(KCS + "ntp"), path(KCS + "ntp.*"),
            path(KCS + "ignition"), path(KCS + "ignition.*"), path(KCS + "diskSetup"), path(KCS + "diskSetup.*"),
            path(KCS + "format"), path(KCS + "mounts"),
            path("spec.machineTemplate.metadata"), path("spec.machineTemplate.metadata.*"),
            path("spec.machineTemplate.spec"), path("spec.machineTemplate.spec.*"),
            path("spec.replicas"), path("spec.version"), path("spec.remediation"), path("spec.remediation.*"),
            path("spec.machineNaming"), path("spec.machineNaming.*"), path("spec.rollout"), path("spec.rollout.*"));

    private MutableFields() {
    }

    /**
     * A Forbidden error for every changed path from {@code old} to {@code object} that is not allowed. Status
     * is skipped: upstream's webhook never sees status subresource writes, and main-resource writes keep it.
     */
    static List<FieldError> validate(JsonNode old, JsonNode object) {
        List<FieldError> errs = new ArrayList<>();
        for (List<String> changed : changedPaths(old, object)) {
            if (!changed.isEmpty() && !changed.get(0).equals(STATUS) && !allowed(ALLOWED, changed)) {
                errs.add(FieldError.forbidden(String.join(".", changed), "cannot be modified"));
            }
        }
        return errs;
    }

    /**
     * The paths of the RFC 7386 merge patch turning {@code old} into {@code object}: one per changed scalar
     * or list, per removed field, and per leaf of an added object.
     */
    static List<List<String>> changedPaths(JsonNode old, JsonNode object) {
        List<List<String>> paths = new ArrayList<>();
        collect(List.of(), old, object, paths);
        return paths;
    }

    private static void collect(List<String> prefix, JsonNode old, JsonNode object, List<List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode before = old.get(field.getKey());
            JsonNode after = field.getValue();
            List<String> at = append(prefix, field.getKey());
            if (after.isObject()) {
                collect(at, before != null && before.isObject() ? before : Json.object(), after, out);
            } else if (before == null || !before.equals(after)) {
                out.add(at);
            }
        }
        for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!object.has(name)) {
                out.add(append(prefix, name));
            }
        }
    }

    /** Whether any pattern of {@code allowList} matches {@code changed}. */
    static boolean allowed(List<List<String>> allowList, List<String> changed) {
        return allowList.stream().anyMatch(pattern -> matches(pattern, changed));
    }

    /** Upstream's {@code pathsMatch}: element-wise equal up to a {@code *}, and no shorter than the pattern. */
    static boolean matches(List<String> pattern, List<String> changed) {
        if (pattern.isEmpty() || changed.isEmpty()) {
            return false;
        }
        for (int i = 0; i < changed.size(); i++) {
            if (i >= pattern.size()) {
                return false;
            }
            if (pattern.get(i).equals(ANY)) {
                return true;
            }
            if (!changed.get(i).equals(pattern.get(i))) {
                return false;
            }
        }
        return changed.size() >= pattern.size();
    }

    private static List<String> path(String dotted) {
        return List.of(dotted.split("\\."));
    }

    private static List<String> append(List<String> prefix, String name) {
        List<String> next = new ArrayList<>(prefix);
        next.add(name);
        return List.copyOf(next);
    }
}
