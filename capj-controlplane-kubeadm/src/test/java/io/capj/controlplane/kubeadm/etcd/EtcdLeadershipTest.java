package io.capj.controlplane.kubeadm.etcd;

import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machines;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's kubeadmcontrolplane_controller_test.go TestKubeadmControlPlaneReconciler_forwardEtcdLeadership. */
class EtcdLeadershipTest {

    private static MachineBuilder good(String name, int hoursOld) {
        return machine(name).healthy().condition("UpToDate", "True").created(Duration.ofHours(hoursOld));
    }

    static Stream<Arguments> candidates() {
        return Stream.of(
                Arguments.of("newest first when all equal", List.of(good("a", 3), good("b", 1), good("c", 2)),
                        List.of("b", "c")),
                Arguments.of("unhealthy etcd member goes last",
                        List.of(good("a", 3), good("b", 1).condition("EtcdMemberHealthy", "False"), good("c", 2)),
                        List.of("c", "b")),
                Arguments.of("machine failing its health check goes after healthy ones",
                        List.of(good("a", 3), good("b", 1).condition("HealthCheckSucceeded", "False"), good("c", 2)),
                        List.of("c", "b")),
                Arguments.of("not up-to-date goes after up-to-date",
                        List.of(good("a", 3), good("b", 1).condition("UpToDate", "False"), good("c", 2)),
                        List.of("c", "b")),
                Arguments.of("etcd health outranks up-to-date",
                        List.of(good("a", 3), good("b", 1).condition("UpToDate", "False"),
                                good("c", 2).condition("EtcdMemberHealthy", "Unknown")),
                        List.of("b", "c")),
                Arguments.of("machines without node or deleting are no candidates",
                        List.of(good("a", 3), machine("b"), good("c", 2).deleting(), good("d", 4)), List.of("d")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void ordersCandidatesMostReliableFirst(String name, List<MachineBuilder> all, List<String> expected) {
        ControlPlaneMachines machines = machines(all.toArray(MachineBuilder[]::new));
        ControlPlaneMachine leader = machines.get("a").orElseThrow();
        EtcdLeadership.Decision decision = EtcdLeadership.beforeDeleting(machines, leader, Optional.of("a"));
        assertThat(decision).isInstanceOf(EtcdLeadership.MoveTo.class);
        assertThat(((EtcdLeadership.MoveTo) decision).candidates()).extracting(ControlPlaneMachine::name)
                .containsExactlyElementsOf(expected);
        assertThat(((EtcdLeadership.MoveTo) decision).fromMember()).isEqualTo("a");
    }

    @Test
    void nothingMovesWhenTheMachineIsNotTheLeaderOrHasNoNode() {
        ControlPlaneMachines machines = machines(good("a", 3), good("b", 1), machine("c"));
        assertThat(EtcdLeadership.beforeDeleting(machines, machines.get("a").orElseThrow(), Optional.of("b")))
                .isInstanceOf(EtcdLeadership.NotNeeded.class);
        assertThat(EtcdLeadership.beforeDeleting(machines, machines.get("c").orElseThrow(), Optional.of("b")))
                .isInstanceOf(EtcdLeadership.NotNeeded.class);
    }

    @Test
    void unknownLeaderOrNoCandidateIsAnError() {
        ControlPlaneMachines machines = machines(good("a", 3));
        assertThat(EtcdLeadership.beforeDeleting(machines, machines.get("a").orElseThrow(), Optional.empty()))
                .isEqualTo(new EtcdLeadership.Impossible("unable to move etcd leadership, failed to detect etcd leader"));
        assertThat(EtcdLeadership.beforeDeleting(machines, machines.get("a").orElseThrow(), Optional.of("a")))
                .isEqualTo(new EtcdLeadership.Impossible(
                        "unable to move etcd leadership, no candidate machines for etcd leadership found"));
    }
}
