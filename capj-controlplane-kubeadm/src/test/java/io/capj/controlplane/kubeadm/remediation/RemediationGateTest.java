package io.capj.controlplane.kubeadm.remediation;

import static io.capj.controlplane.kubeadm.testing.Fixtures.NOW;
import static io.capj.controlplane.kubeadm.testing.Fixtures.cluster;
import static io.capj.controlplane.kubeadm.testing.Fixtures.controlPlane;
import static io.capj.controlplane.kubeadm.testing.Fixtures.kcp;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import io.capj.controlplane.kubeadm.testing.Fixtures.KcpBuilder;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases after upstream's remediation_test.go TestReconcileUnhealthyMachines. Expected strings: {@code none},
 * {@code wait}, {@code remediate(machine)}, {@code blocked(Reason)}.
 */
class RemediationGateTest {

    private static final List<EtcdMember> MEMBERS = List.of(EtcdMember.voting("1", "a"), EtcdMember.voting("2", "b"),
            EtcdMember.voting("3", "c"));
    private static final String IN_PROGRESS = KubeadmControlPlaneAnnotations.RemediationInProgressAnnotation;

    private static MachineBuilder ok(String name, int hoursOld) {
        return machine(name).healthy().created(Duration.ofHours(hoursOld));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("nothing unhealthy", kcp().initialized(), MEMBERS, "none", ok("a", 3), ok("b", 2), ok("c", 1)),
                row("unhealthy but remediated externally (no OwnerRemediated=False)", kcp().initialized(), MEMBERS,
                        "none", ok("a", 3).condition("HealthCheckSucceeded", "False"), ok("b", 2), ok("c", 1)),
                row("3 healthy-quorum machines: remediate", kcp().initialized(), MEMBERS, "remediate(c)",
                        ok("a", 3), ok("b", 2), ok("c", 1).toRemediate()),
                row("victim already deleting: wait", kcp().initialized(), MEMBERS, "wait",
                        ok("a", 3), ok("b", 2), ok("c", 1).toRemediate().deleting()),
                row("another remediation in progress: wait",
                        kcp().initialized().annotate(IN_PROGRESS, "{\"machine\":\"x\",\"timestamp\":\"" + NOW + "\"}"),
                        MEMBERS, "wait", ok("a", 3), ok("b", 2), ok("c", 1).toRemediate()),
                row("stale in-progress annotation is ignored",
                        kcp().initialized().annotate(IN_PROGRESS,
                                "{\"machine\":\"x\",\"timestamp\":\"" + NOW.minus(Duration.ofHours(5)) + "\"}"),
                        MEMBERS, "remediate(c)", ok("a", 3), ok("b", 2), ok("c", 1).toRemediate()),
                row("a single machine is not remediated once initialized", kcp().initialized().replicas(1), MEMBERS,
                        "blocked(CannotBeRemediated)", ok("a", 3).toRemediate()),
                row("the first machine may be remediated before initialization", kcp().replicas(1), List.of(),
                        "remediate(a)", ok("a", 3).toRemediate()),
                row("a healthy machine still provisioning defers", kcp().initialized(), MEMBERS,
                        "blocked(RemediationDeferred)", ok("a", 3), machine("b"), ok("c", 1).toRemediate()),
                row("a deleting machine defers", kcp().initialized(), MEMBERS, "blocked(RemediationDeferred)",
                        ok("a", 3), ok("b", 2).deleting(), ok("c", 1).toRemediate()),
                row("no etcd members defers", kcp().initialized(), List.of(), "blocked(RemediationDeferred)",
                        ok("a", 3), ok("b", 2), ok("c", 1).toRemediate()),
                row("external etcd needs no member list", kcp().initialized().externalEtcd(), List.of(),
                        "remediate(c)", ok("a", 3), ok("b", 2), ok("c", 1).toRemediate()),
                row("removing it would lose etcd quorum", kcp().initialized(), MEMBERS, "blocked(CannotBeRemediated)",
                        ok("a", 3), ok("b", 2).condition("EtcdMemberHealthy", "False"), ok("c", 1).toRemediate()),
                row("no other machine with healthy components", kcp().initialized(), MEMBERS,
                        "blocked(CannotBeRemediated)", ok("a", 3).condition("APIServerPodHealthy", "False"),
                        ok("b", 2).condition("SchedulerPodHealthy", "Unknown"), ok("c", 1).toRemediate()),
                row("retry period not over", kcp().initialized().remediation("{\"retryPeriodSeconds\":3600}"), MEMBERS,
                        "blocked(RemediationDeferred)", ok("a", 3), ok("b", 2), ok("c", 1).toRemediate()
                                .remediationFor("{\"machine\":\"x\",\"timestamp\":\"" + NOW.minus(Duration.ofMinutes(5))
                                        + "\",\"retryCount\":0}")),
                row("most broken machine is chosen", kcp().initialized(),
                        List.of(EtcdMember.voting("1", "a"), EtcdMember.voting("2", "b"), EtcdMember.voting("3", "c"),
                                EtcdMember.voting("4", "d"), EtcdMember.voting("5", "e")),
                        "remediate(d)", ok("a", 5), ok("b", 4), ok("c", 3).toRemediate(),
                        ok("d", 2).toRemediate().condition("EtcdMemberHealthy", "False"), ok("e", 1)));
    }

    private static Arguments row(String name, KcpBuilder kcp, List<EtcdMember> members, String expected,
            MachineBuilder... machines) {
        return Arguments.of(name, kcp, members, expected, machines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void remediatesOneMachineAtATimeWithoutLosingQuorum(String name, KcpBuilder kcp, List<EtcdMember> members,
            String expected, MachineBuilder[] machines) {
        ControlPlane cp = controlPlane(kcp, cluster(), machines);
        RemediationGate.Decision decision = RemediationGate.evaluate(cp, members, Optional.empty());
        assertThat(describe(decision)).isEqualTo(expected);
    }

    @Test
    void remediationRecordsTheVictimAndTime() {
        ControlPlane cp = controlPlane(kcp().initialized(), cluster(), ok("a", 3), ok("b", 2), ok("c", 1).toRemediate());
        var remediate = (RemediationGate.Remediate) RemediationGate.evaluate(cp, MEMBERS, Optional.empty());
        assertThat(remediate.data()).isEqualTo(RemediationData.of("c", NOW, 0));
    }

    @Test
    void blockedCarriesUpstreamsMessage() {
        ControlPlane cp = controlPlane(kcp().initialized().replicas(1), cluster(), ok("a", 3).toRemediate());
        var blocked = (RemediationGate.Blocked) RemediationGate.evaluate(cp, MEMBERS, Optional.empty());
        assertThat(blocked.message())
                .isEqualTo("KubeadmControlPlane can't remediate if current replicas are less or equal to 1");
        assertThat(blocked.machine().name()).isEqualTo("a");
    }

    @Test
    void victimWithoutNodeUsesTheMemberNameTheCallerFound() {
        MachineBuilder[] machines = {ok("a", 3), ok("b", 2).condition("EtcdMemberHealthy", "False"),
                machine("c").toRemediate().created(Duration.ofHours(1))};
        ControlPlane cp = controlPlane(kcp(), cluster(), machines);
        var victim = cp.machines().get("c").orElseThrow();
        assertThat(RemediationGate.canSafelyRemediate(cp, MEMBERS, victim, Optional.empty()))
                .as("unknown member: remediation is the user's intent").isTrue();
        assertThat(RemediationGate.canSafelyRemediate(cp, MEMBERS, victim, Optional.of("c")))
                .as("member c known: removing it leaves a and an unhealthy b").isFalse();
    }

    @Test
    void ownerRemediatedIsClearedOnRecoveredMachines() {
        ControlPlane cp = controlPlane(kcp(), cluster(), ok("a", 3).condition("OwnerRemediated", "False"),
                ok("b", 2).toRemediate(), ok("c", 1).condition("OwnerRemediated", "False").deleting());
        assertThat(RemediationGate.ownerRemediatedToClear(cp.machines()).names()).containsExactly("a");
    }

    private static String describe(RemediationGate.Decision decision) {
        if (decision instanceof RemediationGate.Remediate r) {
            return "remediate(" + r.machine().name() + ")";
        }
        if (decision instanceof RemediationGate.Blocked b) {
            return "blocked(" + b.reason() + ")";
        }
        return decision instanceof RemediationGate.Waiting ? "wait" : "none";
    }
}
