package io.capj.controlplane.kubeadm.controlplane;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdPodHealthyCondition;

import java.util.Optional;

/**
 * Upstream {@code targetKubernetesControlPlaneComponentsHealthy}: after adding one Machine and/or removing one,
 * is at least one Machine left whose API server, controller manager and scheduler (and etcd pod, when KCP
 * manages etcd) are all healthy? A Machine being added counts as unhealthy (worst case) unless it is the first.
 * kubeadm wires each Machine's components to its local API server and etcd, so a Machine counts only when all
 * of them are healthy.
 */
public final class TargetControlPlane {

    private TargetControlPlane() {
    }

    public static boolean keepsHealthyComponents(ControlPlaneMachines machines, boolean etcdManaged,
            boolean addMachine, Optional<String> removeMachine) {
        if (addMachine && machines.isEmpty()) {
            return true;
        }
        for (ControlPlaneMachine m : machines) {
            if (removeMachine.isPresent() && removeMachine.get().equals(m.name())) {
                continue;
            }
            boolean healthy = ControlPlaneMachine.COMPONENT_CONDITIONS.stream().allMatch(m::isTrue)
                    && (!etcdManaged || m.isTrue(KubeadmControlPlaneMachineEtcdPodHealthyCondition));
            if (healthy) {
                return true;
            }
        }
        return false;
    }
}
