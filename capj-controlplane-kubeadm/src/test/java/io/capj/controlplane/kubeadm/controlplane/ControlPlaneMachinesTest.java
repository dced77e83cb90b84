package io.capj.controlplane.kubeadm.controlplane;

import static io.capj.controlplane.kubeadm.testing.Fixtures.KCP_UID;
import static io.capj.controlplane.kubeadm.testing.Fixtures.json;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machines;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlPlaneMachinesTest {

    private static final ControlPlaneMachines ALL = machines(
            machine("plain").healthy(),
            machine("deleting").healthy().deleting(),
            machine("annotated").healthy().annotate(CoreAnnotations.DeleteMachineAnnotation, ""),
            machine("api-down").healthy().condition("APIServerPodHealthy", "False"),
            machine("etcd-down").healthy().condition("EtcdMemberHealthy", "False"),
            machine("api-unknown").healthy().condition("APIServerPodHealthy", "Unknown"),
            machine("no-node"),
            machine("mhc-failed").healthy().condition("HealthCheckSucceeded", "False"),
            machine("to-remediate").healthy().toRemediate());

    static Stream<Arguments> filters() {
        return Stream.of(
                row("deleting", ControlPlaneMachines::deleting, List.of("deleting")),
                row("delete annotation", ControlPlaneMachines::withDeleteAnnotation, List.of("annotated")),
                row("unhealthy components with managed etcd: False only, Unknown and absent do not count",
                        m -> m.withUnhealthyControlPlaneComponents(true), List.of("api-down", "etcd-down")),
                row("unhealthy components with external etcd: etcd conditions ignored",
                        m -> m.withUnhealthyControlPlaneComponents(false), List.of("api-down")),
                row("without node", ControlPlaneMachines::withoutNode, List.of("no-node")),
                row("to be remediated by KCP needs OwnerRemediated=False too",
                        ControlPlaneMachines::toBeRemediatedByKcp, List.of("to-remediate")),
                row("in failure domain \"\" matches unset", m -> m.inFailureDomains(Set.of("")).filter(x -> x.name().startsWith("p")),
                        List.of("plain")));
    }

    private static Arguments row(String name, Function<ControlPlaneMachines, ControlPlaneMachines> filter,
            List<String> expected) {
        return Arguments.of(name, filter, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filters(String name, Function<ControlPlaneMachines, ControlPlaneMachines> filter, List<String> expected) {
        assertThat(filter.apply(ALL).names()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void healthyExcludesOnlyMachinesAMachineHealthCheckFailed() {
        assertThat(ALL.healthy().names()).doesNotContain("mhc-failed", "to-remediate").contains("no-node", "api-down");
    }

    @Test
    void oldestAndNewestOrderByCreationThenName() {
        ControlPlaneMachines set = machines(machine("b").created(Duration.ofHours(5)),
                machine("a").created(Duration.ofHours(5)), machine("c").created(Duration.ofHours(1)));
        assertThat(set.oldest().orElseThrow().name()).isEqualTo("a");
        assertThat(set.newest().orElseThrow().name()).isEqualTo("c");
        assertThat(ControlPlaneMachines.of().oldest()).isEmpty();
    }

    @Test
    void ownedKeepsOnlyControlledMachinesAndJoinsTheirConfigsAndInfra() {
        MachineBuilder mine = machine("mine");
        MachineBuilder other = machine("other").ownerUid("someone-else");
        var config = json("{'metadata':{'name':'mine'},'spec':{}}");
        var infra = json("{'metadata':{'name':'mine'}}");
        ControlPlaneMachines owned = ControlPlaneMachines.owned(KCP_UID, List.of(mine.json(), other.json()),
                List.of(config), List.of(infra));
        assertThat(owned.names()).containsExactly("mine");
        assertThat(owned.get("mine").orElseThrow().kubeadmConfig()).contains(config);
        assertThat(owned.get("mine").orElseThrow().infraMachine()).contains(infra);
    }

    @Test
    void ownedLeavesConfigAndInfraEmptyWhenNotFound() {
        ControlPlaneMachines owned = ControlPlaneMachines.owned(KCP_UID, List.of(machine("m").json()), List.of(),
                List.of());
        assertThat(owned.get("m").orElseThrow().kubeadmConfig()).isEmpty();
        assertThat(owned.get("m").orElseThrow().infraMachine()).isEmpty();
    }

    @Test
    void byFailureDomainGroupsUnsetUnderEmptyName() {
        ControlPlaneMachines set = machines(machine("a").failureDomain("fd1"), machine("b"),
                machine("c").failureDomain("fd1"));
        var groups = set.byFailureDomain();
        assertThat(groups.keySet()).containsExactly("", "fd1");
        assertThat(groups.get("fd1").names()).containsExactly("a", "c");
        assertThat(groups.get("").names()).containsExactly("b");
    }

    @Test
    void healthyMachineStillProvisioningIgnoresMachinesAHealthCheckFailed() {
        assertThat(machines(machine("a").healthy(), machine("b")).hasHealthyMachineStillProvisioning()).isTrue();
        assertThat(machines(machine("a").healthy(), machine("b").toRemediate()).hasHealthyMachineStillProvisioning())
                .isFalse();
    }
}
