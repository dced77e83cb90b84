package io.capj.controlplane.kubeadm.etcd;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdMemberHealthyCondition;

import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where etcd leadership goes before KCP deletes a Machine (upstream {@code forwardEtcdLeadership} and
 * {@code getCandidatesForEtcdLeadership}). Nothing moves when the Machine has no Node yet or its member is not
 * the leader. Candidates are the other Machines with a Node that are not deleting, most reliable first: etcd
 * member healthy, then not marked unhealthy by a MachineHealthCheck, then UpToDate, then newest. The caller
 * tries them in order until one MoveLeader call succeeds.
 */
public final class EtcdLeadership {

    private EtcdLeadership() {
    }

    /** What to do about leadership before deleting a Machine. */
    public sealed interface Decision {
    }

    /** Leadership need not move. */
    public record NotNeeded(String reason) implements Decision {
    }

    /** Move leadership from {@code fromMember} to the first candidate that accepts, in this order. */
    public record MoveTo(String fromMember, List<ControlPlaneMachine> candidates) implements Decision {
    }

    /** Leadership must move but cannot; the message is upstream's error. */
    public record Impossible(String message) implements Decision {
    }

    private static final Comparator<ControlPlaneMachine> MOST_RELIABLE_FIRST =
            Comparator.<ControlPlaneMachine, Boolean>comparing(
                            m -> !m.isTrue(KubeadmControlPlaneMachineEtcdMemberHealthyCondition))
                    .thenComparing(m -> !m.isTrue(MachineConditions.MachineHealthCheckSucceededCondition))
                    .thenComparing(m -> !m.isTrue(MachineConditions.MachineUpToDateCondition))
                    .thenComparing(ControlPlaneMachine::creationTimestamp, Comparator.reverseOrder())
                    .thenComparing(ControlPlaneMachine::name);

    public static Decision beforeDeleting(ControlPlaneMachines machines, ControlPlaneMachine deleting,
            Optional<String> leaderMember) {
        if (leaderMember.isEmpty()) {
            return new Impossible("unable to move etcd leadership, failed to detect etcd leader");
        }
        if (deleting.nodeName().isEmpty()) {
            return new NotNeeded("Machine " + deleting.name() + " has no Node yet");
        }
        String member = deleting.nodeName().get();
        if (!member.equals(leaderMember.get())) {
            return new NotNeeded("etcd member " + member + " is not the leader");
        }
        List<ControlPlaneMachine> candidates = machines
                .filter(m -> m.hasNode() && !m.deleting() && !m.name().equals(deleting.name()))
                .list().stream().sorted(MOST_RELIABLE_FIRST).toList();
        if (candidates.isEmpty()) {
            return new Impossible("unable to move etcd leadership, no candidate machines for etcd leadership found");
        }
        return new MoveTo(member, candidates);
    }
}
