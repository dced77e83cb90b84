package io.capj.controlplane.kubeadm.remediation;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which unhealthy Machine KCP remediates first (upstream {@code getMachineToBeRemediated}): the "most broken"
 * one, by the first of these that tells two Machines apart — {@code cluster.x-k8s.io/remediate-machine}
 * annotation; no nodeRef; with managed etcd, EtcdMemberHealthy then EtcdPodHealthy not True; APIServerPodHealthy,
 * ControllerManagerPodHealthy, SchedulerPodHealthy, NodeKubeadmLabelsAndTaintsSet not True; then the oldest, then
 * the name.
 */
public final class RemediationVictim {

    private RemediationVictim() {
    }

    public static Optional<ControlPlaneMachine> pick(ControlPlaneMachines toBeRemediated, boolean etcdManaged) {
        return toBeRemediated.list().stream().min(order(etcdManaged));
    }

    static Comparator<ControlPlaneMachine> order(boolean etcdManaged) {
        List<String> conditions = new ArrayList<>();
        if (etcdManaged) {
            conditions.add(KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdMemberHealthyCondition);
            conditions.add(KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdPodHealthyCondition);
        }
        conditions.addAll(ControlPlaneMachine.COMPONENT_CONDITIONS);
        conditions.add(KubeadmControlPlaneConditions.KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsSetCondition);

        Comparator<ControlPlaneMachine> order = Comparator.comparing(m -> !m.hasRemediateAnnotation());
        order = order.thenComparing(ControlPlaneMachine::hasNode);
        for (String condition : conditions) {
            order = order.thenComparing(m -> m.isTrue(condition));
        }
        return order.thenComparing(ControlPlaneMachine::creationTimestamp).thenComparing(ControlPlaneMachine::name);
    }
}
