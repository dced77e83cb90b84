package io.capj.controlplane.kubeadm.etcd;

import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machines;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's remediation_test.go TestCanSafelyRemoveEtcdMember / targetEtcdClusterHealthy. */
class EtcdQuorumTest {

    /** {@code n} members m1..mn on Machines with healthy etcd, except the named unhealthy ones. */
    private static Setup cluster(int n, String... unhealthy) {
        List<EtcdMember> members = new ArrayList<>();
        List<MachineBuilder> builders = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = "m" + i;
            members.add(EtcdMember.voting(String.valueOf(i), name));
            MachineBuilder b = machine(name).healthy();
            if (List.of(unhealthy).contains(name)) {
                b.condition("EtcdMemberHealthy", "False");
            }
            builders.add(b);
        }
        return new Setup(members, machines(builders.toArray(MachineBuilder[]::new)));
    }

    private record Setup(List<EtcdMember> members, ControlPlaneMachines machines) {
    }

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of("1 member: removing it loses quorum", cluster(1), "m1", false),
                Arguments.of("2 members: removing one keeps quorum of 1", cluster(2), "m1", true),
                Arguments.of("2 members, the other unhealthy", cluster(2, "m2"), "m1", false),
                Arguments.of("3 healthy: remove one", cluster(3), "m1", true),
                Arguments.of("3 members: remove the unhealthy one", cluster(3, "m1"), "m1", true),
                Arguments.of("3 members: remove a healthy one while another is unhealthy", cluster(3, "m2"), "m1", false),
                Arguments.of("5 members, 1 other unhealthy: tolerated", cluster(5, "m2"), "m1", true),
                Arguments.of("5 members, 2 others unhealthy: not tolerated", cluster(5, "m2", "m3"), "m1", false),
                Arguments.of("7 members, 2 others unhealthy: tolerated", cluster(7, "m2", "m3"), "m1", true),
                Arguments.of("7 members, 3 others unhealthy: not tolerated", cluster(7, "m2", "m3", "m4"), "m1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removals")
    void removalKeepsQuorumOnlyWhenTheRemainingHealthyMembersSuffice(String name, Setup setup, String remove,
            boolean safe) {
        assertThat(EtcdQuorum.canSafelyRemove(setup.members(), setup.machines(), remove)).isEqualTo(safe);
    }

    @Test
    void memberWithoutMachineIsHealthyUnlessAlarmed() {
        Setup setup = cluster(2);
        List<EtcdMember> members = new ArrayList<>(setup.members());
        members.add(EtcdMember.voting("9", "orphan"));
        assertThat(EtcdQuorum.canSafelyRemove(members, setup.machines(), "m1")).isTrue();
        members.set(2, EtcdMember.voting("9", "orphan").withAlarm());
        assertThat(EtcdQuorum.canSafelyRemove(members, setup.machines(), "m1")).isFalse();
    }

    @Test
    void learnersAndStartingMembersMakeAnyChangeUnsafe() {
        Setup setup = cluster(5);
        List<EtcdMember> withLearner = new ArrayList<>(setup.members());
        withLearner.set(4, withLearner.get(4).asLearner());
        assertThat(EtcdQuorum.canSafelyRemove(withLearner, setup.machines(), "m1")).isFalse();
        List<EtcdMember> withStarting = new ArrayList<>(setup.members());
        withStarting.add(new EtcdMember("9", "", false, false));
        assertThat(EtcdQuorum.canSafelyRemove(withStarting, setup.machines(), "m1")).isFalse();
    }

    @Test
    void addingAssumesTheNewMemberUnhealthyExceptForTheFirstTwo() {
        assertThat(EtcdQuorum.canSafelyAdd(cluster(1).members(), cluster(1).machines())).as("1 -> 2").isTrue();
        assertThat(EtcdQuorum.canSafelyAdd(cluster(2).members(), cluster(2).machines())).as("2 -> 3").isTrue();
        Setup twoOneSick = cluster(2, "m2");
        assertThat(EtcdQuorum.canSafelyAdd(twoOneSick.members(), twoOneSick.machines())).as("2 (1 sick) -> 3").isFalse();
        Setup threeOneSick = cluster(3, "m3");
        assertThat(EtcdQuorum.canSafelyAdd(threeOneSick.members(), threeOneSick.machines()))
                .as("3 (1 sick) -> 4: 4 voting, 2 unhealthy, quorum 3").isFalse();
        Setup fourOneSick = cluster(4, "m4");
        assertThat(EtcdQuorum.canSafelyAdd(fourOneSick.members(), fourOneSick.machines()))
                .as("4 (1 sick) -> 5: 5 voting, 2 unhealthy, quorum 3").isTrue();
    }

    @Test
    void projectionReportsQuorumAndMembers() {
        Setup setup = cluster(3, "m3");
        EtcdQuorum.Projection p = EtcdQuorum.project(setup.members(), setup.machines(), false, Optional.of("m1"));
        assertThat(p.votingMembers()).isEqualTo(2);
        assertThat(p.quorum()).isEqualTo(2);
        assertThat(p.healthyMembers()).containsExactly("m2 (m2)");
        assertThat(p.unhealthyMembers()).containsExactly("m3 (m3)");
        assertThat(p.safe()).isFalse();
    }
}
