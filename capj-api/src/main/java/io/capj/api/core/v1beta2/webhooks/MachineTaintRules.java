package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Which taint keys a Machine may ask for: not the ones Cluster API, the node lifecycle controller or the
 * cloud controller manager own, not the deprecated master role, and (for workers) not the control-plane role.
 */
public final class MachineTaintRules {
    /** Upstream's {@code NodeUninitializedTaint} key. */
    public static final String UNINITIALIZED_TAINT = "node.cluster.x-k8s.io/uninitialized";
    /** Upstream's {@code NodeOutdatedRevisionTaint} key. */
    public static final String OUTDATED_REVISION_TAINT = "node.cluster.x-k8s.io/outdated-revision";
    static final String CONTROL_PLANE_TAINT = "node-role.kubernetes.io/control-plane";

    private MachineTaintRules() {
    }

    /** Validates the keys of {@code taints} (a JSON array, possibly missing) at {@code path}. */
    public static List<FieldError> validate(JsonNode taints, String path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < taints.size(); i++) {
            String field = path + "[" + i + "].key";
            String key = taints.get(i).path("key").asText();
            String reserved = reservedKeyReason(key);
            if (reserved != null) {
                errs.add(FieldError.invalid(field, key, reserved));
            }
            Names.qualifiedName(key).forEach(m -> errs.add(FieldError.invalid(field, key, m)));
        }
        return errs;
    }

    /** Workers must not carry the control-plane role taint; control-plane Machines are exempt. */
    public static List<FieldError> validateForWorkers(JsonNode taints, boolean controlPlane, String path) {
        List<FieldError> errs = new ArrayList<>();
        if (controlPlane) {
            return errs;
        }
        for (int i = 0; i < taints.size(); i++) {
            String key = taints.get(i).path("key").asText();
            if (key.equals(CONTROL_PLANE_TAINT)) {
                errs.add(FieldError.invalid(path + "[" + i + "].key", key, "taint is not allowed for worker Machines"));
            }
        }
        return errs;
    }

    /** Why a key is reserved, or null; the first matching reason wins, as upstream reports only one. */
    static String reservedKeyReason(String key) {
        if (key.equals(UNINITIALIZED_TAINT) || key.equals(OUTDATED_REVISION_TAINT)) {
            return "taint key is not allowed";
        }
        if (key.startsWith("node.kubernetes.io/") && !key.equals("node.kubernetes.io/out-of-service")) {
            return "taint key must not have the prefix node.kubernetes.io/, except for node.kubernetes.io/out-of-service";
        }
        if (key.startsWith("node.cloudprovider.kubernetes.io/")) {
            return "taint key must not have the prefix node.cloudprovider.kubernetes.io/";
        }
        if (key.equals("node-role.kubernetes.io/master")) {
            return "taint is deprecated since 1.24 and should not be used anymore";
        }
        return null;
    }
}
