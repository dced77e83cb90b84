package io.capj.controlplane.kubeadm.scale;

import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import java.util.List;
import java.util.Optional;

/**
 * The next Machine operation of a KCP pass once remediation has had its turn (upstream's tail of
 * {@code reconcile}, {@code rollingUpdate}, {@code scaleUpControlPlane} and {@code scaleDownControlPlane}):
 * <ul>
 * <li>Machines need rollout (outdated and not deleting): with {@code maxSurge} 1 scale up while there are fewer
 * than replicas+1 Machines, else delete one outdated Machine; with {@code maxSurge} 0 the limit is replicas, so
 * a Machine is deleted first and then replaced.</li>
 * <li>Otherwise: no Machines → create the first (kubeadm init, no preflight); fewer than replicas → scale up;
 * more → scale down.</li>
 * </ul>
 * Every scale up and scale down runs {@link Preflight} first (the scale-down victim excluded), which makes KCP do
 * one operation at a time.
 * <p>Deviation: {@code maxSurge} 0 with fewer than 3 replicas (rejected by upstream's webhook) is treated as 1,
 * so a small control plane never drops a member before its replacement joins.
 */
public final class ControlPlaneOperation {

    private ControlPlaneOperation() {
    }

    public static ControlPlaneAction next(ControlPlane cp, List<EtcdMember> etcdMembers) {
        int current = cp.machines().size();
        int desired = cp.kcp().replicas().orElse(1); // the webhook's default
        ControlPlaneMachines needingRollout = cp.needingRollout();
        if (!needingRollout.isEmpty()) {
            int maxReplicas = desired + effectiveMaxSurge(cp.kcp().maxSurgeCount(), desired);
            if (current < maxReplicas) {
                return scaleUp(cp, etcdMembers);
            }
            return scaleDown(cp, etcdMembers, ScaleDownVictim.select(cp, needingRollout), true);
        }
        if (current == 0 && desired > 0) {
            return new ControlPlaneAction.ScaleUp(cp.nextFailureDomainForScaleUp(), true);
        }
        if (current < desired) {
            return scaleUp(cp, etcdMembers);
        }
        if (current > desired) {
            return scaleDown(cp, etcdMembers, ScaleDownVictim.select(cp, ControlPlaneMachines.of()), false);
        }
        return new ControlPlaneAction.None();
    }

    static int effectiveMaxSurge(int maxSurge, int replicas) {
        return maxSurge == 0 && replicas < 3 ? 1 : Math.max(0, Math.min(1, maxSurge));
    }

    private static ControlPlaneAction scaleUp(ControlPlane cp, List<EtcdMember> etcdMembers) {
        PreflightResult preflight = Preflight.check(cp, etcdMembers, true, Optional.empty());
        if (!preflight.passed()) {
            return new ControlPlaneAction.Wait(preflight.conditionMessages(), preflight.requeueAfter(), preflight);
        }
        return new ControlPlaneAction.ScaleUp(cp.nextFailureDomainForScaleUp(), false);
    }

    private static ControlPlaneAction scaleDown(ControlPlane cp, List<EtcdMember> etcdMembers,
            Optional<ControlPlaneMachine> victim, boolean rollout) {
        PreflightResult preflight = Preflight.check(cp, etcdMembers, false, victim.map(ControlPlaneMachine::name));
        if (!preflight.passed()) {
            return new ControlPlaneAction.Wait(preflight.conditionMessages(), preflight.requeueAfter(), preflight);
        }
        if (victim.isEmpty()) {
            return new ControlPlaneAction.Wait(List.of("* failed to pick control plane Machine to delete"),
                    PreflightResult.FAILED_REQUEUE, preflight);
        }
        return new ControlPlaneAction.ScaleDown(victim.get(), rollout);
    }
}
