package io.capj.controlplane.kubeadm.scale;

import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.controlplane.FailureDomainChoice;
import java.util.Optional;

/**
 * The Machine a scale down or a rollout step deletes (upstream {@code selectMachineForInPlaceUpdateOrScaleDown}).
 * Eligible are the first non-empty of: outdated with {@code cluster.x-k8s.io/delete-machine}; any with that
 * annotation; outdated with a False component (or etcd) condition; outdated; all. The victim is then the oldest
 * eligible Machine in the failure domain with the most Machines ({@link FailureDomainChoice#machineToDelete}).
 */
public final class ScaleDownVictim {

    private ScaleDownVictim() {
    }

    public static Optional<ControlPlaneMachine> select(ControlPlane cp, ControlPlaneMachines outdated) {
        ControlPlaneMachines eligible = eligible(cp, outdated);
        return FailureDomainChoice.machineToDelete(cp.controlPlaneFailureDomains(), cp.machines(), eligible);
    }

    static ControlPlaneMachines eligible(ControlPlane cp, ControlPlaneMachines outdated) {
        if (!outdated.withDeleteAnnotation().isEmpty()) {
            return outdated.withDeleteAnnotation();
        }
        if (!cp.machines().withDeleteAnnotation().isEmpty()) {
            return cp.machines().withDeleteAnnotation();
        }
        ControlPlaneMachines sick = outdated.withUnhealthyControlPlaneComponents(cp.etcdManaged());
        if (!sick.isEmpty()) {
            return sick;
        }
        if (!outdated.isEmpty()) {
            return outdated;
        }
        return cp.machines();
    }
}
