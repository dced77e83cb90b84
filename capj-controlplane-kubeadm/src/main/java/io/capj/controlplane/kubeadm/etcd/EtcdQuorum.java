package io.capj.controlplane.kubeadm.etcd;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdMemberHealthyCondition;

import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether etcd keeps quorum after KCP adds a member and/or removes one (upstream
 * {@code targetEtcdClusterHealthy}, used by remediation, by preflight while a remediation is in progress, and
 * before the kcp-cleanup hook removes a member).
 * <ul>
 * <li>A member's health comes from the Machine whose nodeRef names it (its EtcdMemberHealthy condition must be
 * True); a member without a Machine is healthy unless it has an alarm.</li>
 * <li>A member being added counts as unhealthy (worst case), except when the cluster has at most one member
 * (otherwise 0→1 and 1→2 could never happen).</li>
 * <li>Members without a name are starting learners: unhealthy, and any learner in the target makes it unsafe
 * (KCP waits for promotion).</li>
 * <li>Quorum is {@code voting/2 + 1}; safe when {@code voting − unhealthy ≥ quorum}. So 3 members tolerate no
 * further failure on top of a removal, 5 tolerate one, 7 two.</li>
 * </ul>
 */
public final class EtcdQuorum {

    private EtcdQuorum() {
    }

    /** The projected target etcd cluster and whether moving to it is safe. */
    public record Projection(boolean safe, int votingMembers, int learnerMembers, int quorum,
                             List<String> healthyMembers, List<String> unhealthyMembers) {
    }

    public static Projection project(List<EtcdMember> members, ControlPlaneMachines machines, boolean addMember,
            Optional<String> removeMember) {
        List<String> healthy = new ArrayList<>();
        List<String> unhealthy = new ArrayList<>();
        int voting = 0;
        int learners = 0;
        if (addMember) {
            voting++;
            if (members.size() > 1) {
                unhealthy.add("1 new member (worst case)");
            } else {
                healthy.add("1 new member (best case)");
            }
        }
        for (EtcdMember member : members) {
            if (member.starting()) {
                learners++;
                unhealthy.add("1 member starting (worst case)");
                continue;
            }
            if (removeMember.isPresent() && removeMember.get().equals(member.name())) {
                continue;
            }
            if (member.learner()) {
                learners++;
            } else {
                voting++;
            }
            Optional<ControlPlaneMachine> machine = machineFor(machines, member.name());
            boolean memberHealthy = machine
                    .map(m -> m.isTrue(KubeadmControlPlaneMachineEtcdMemberHealthyCondition))
                    .orElse(!member.alarmed());
            String label = member.name() + " (" + machine.map(ControlPlaneMachine::name).orElse("no machine") + ")";
            (memberHealthy ? healthy : unhealthy).add(label);
        }
        int quorum = voting / 2 + 1;
        boolean safe = voting - unhealthy.size() >= quorum && learners == 0;
        return new Projection(safe, voting, learners, quorum, List.copyOf(healthy), List.copyOf(unhealthy));
    }

    /** Whether removing the member named {@code memberName} (and adding none) keeps quorum. */
    public static boolean canSafelyRemove(List<EtcdMember> members, ControlPlaneMachines machines, String memberName) {
        return project(members, machines, false, Optional.of(memberName)).safe();
    }

    /** Whether adding one member (and removing none) keeps quorum. */
    public static boolean canSafelyAdd(List<EtcdMember> members, ControlPlaneMachines machines) {
        return project(members, machines, true, Optional.empty()).safe();
    }

    private static Optional<ControlPlaneMachine> machineFor(ControlPlaneMachines machines, String memberName) {
        for (ControlPlaneMachine m : machines) {
            if (m.nodeName().filter(memberName::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
