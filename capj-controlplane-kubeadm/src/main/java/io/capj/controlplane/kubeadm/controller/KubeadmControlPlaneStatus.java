package io.capj.controlplane.kubeadm.controller;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.runtime.Conditions;
import java.util.Comparator;
import java.util.Optional;

/**
 * The KCP status a pass writes (upstream {@code updateStatus} and {@code setScalingUp/DownCondition},
 * {@code setInitializedCondition}, {@code setAvailableCondition}, simplified): replica counters, selector,
 * lowest Machine version, and the Initialized, ScalingUp, ScalingDown and Available conditions.
 */
final class KubeadmControlPlaneStatus {
    private KubeadmControlPlaneStatus() {
    }

    static void update(ObjectNode kcp, ControlPlane cp, String clusterName, boolean initialized) {
        ObjectNode status = kcp.with("status");
        int replicas = cp.machines().size();
        int desired = cp.kcp().replicas().orElse(1);
        status.put("replicas", replicas);
        status.put("readyReplicas", count(cp, MachineConditions.MachineReadyCondition));
        status.put("availableReplicas", count(cp, MachineConditions.MachineAvailableCondition));
        status.put("upToDateReplicas", cp.upToDate().size());
        status.put("selector", CoreLabels.ClusterNameLabel + "=" + clusterName + "," + CoreLabels.MachineControlPlaneLabel);
        lowestVersion(cp).ifPresentOrElse(v -> status.put("version", v), () -> status.remove("version"));
        if (initialized) {
            status.with("initialization").put("controlPlaneInitialized", true);
        }
        boolean isInitialized = status.at("/initialization/controlPlaneInitialized").asBoolean(false);
        ConditionLists.set(kcp, KubeadmControlPlaneInitializedCondition, isInitialized ? Conditions.TRUE : Conditions.FALSE,
                isInitialized ? KubeadmControlPlaneInitializedReason : KubeadmControlPlaneNotInitializedReason,
                isInitialized ? "" : "Control plane not yet initialized");
        if (replicas < desired) {
            ConditionLists.set(kcp, KubeadmControlPlaneScalingUpCondition, Conditions.TRUE,
                    KubeadmControlPlaneScalingUpReason, "Scaling up from " + replicas + " to " + desired + " replicas");
        } else {
            ConditionLists.set(kcp, KubeadmControlPlaneScalingUpCondition, Conditions.FALSE,
                    KubeadmControlPlaneNotScalingUpReason, "");
        }
        if (replicas > desired) {
            ConditionLists.set(kcp, KubeadmControlPlaneScalingDownCondition, Conditions.TRUE,
                    KubeadmControlPlaneScalingDownReason, "Scaling down from " + replicas + " to " + desired + " replicas");
        } else {
            ConditionLists.set(kcp, KubeadmControlPlaneScalingDownCondition, Conditions.FALSE,
                    KubeadmControlPlaneNotScalingDownReason, "");
        }
        boolean healthyMember = cp.machines().notDeleting().list().stream().anyMatch(m ->
                ControlPlaneMachine.healthConditions(cp.etcdManaged()).stream().allMatch(m::isTrue));
        boolean available = isInitialized && cp.kcp().status().certificatesAvailable() && healthyMember;
        ConditionLists.set(kcp, KubeadmControlPlaneAvailableCondition, available ? Conditions.TRUE : Conditions.FALSE,
                available ? KubeadmControlPlaneAvailableReason : KubeadmControlPlaneNotAvailableReason,
                available ? "" : isInitialized ? "There are no Machines with healthy control plane components"
                        : "Control plane not yet initialized");
        status.put("observedGeneration", kcp.at("/metadata/generation").asLong());
    }

    private static int count(ControlPlane cp, String condition) {
        return (int) cp.machines().list().stream().filter(m -> m.isTrue(condition)).count();
    }

    static Optional<String> lowestVersion(ControlPlane cp) {
        return cp.machines().list().stream().map(ControlPlaneMachine::version).filter(v -> !v.isEmpty())
                .min(Comparator.comparing(KubeadmControlPlaneStatus::versionKey,
                        Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).thenComparingLong(k -> k[2])));
    }

    private static long[] versionKey(String version) {
        String[] parts = (version.startsWith("v") ? version.substring(1) : version).split("[.\\-+]");
        long[] key = new long[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            try {
                key[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                key[i] = 0;
            }
        }
        return key;
    }
}
