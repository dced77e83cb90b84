package io.capj.controlplane.kubeadm.scale;

import static io.capj.controlplane.kubeadm.testing.Fixtures.cluster;
import static io.capj.controlplane.kubeadm.testing.Fixtures.controlPlane;
import static io.capj.controlplane.kubeadm.testing.Fixtures.kcp;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Cases after upstream's scale_test.go TestPreflightChecks. */
class PreflightTest {

    private static final String DELETING = "* waiting for a control plane Machine to complete deletion";
    private static final String CERTS = "* cluster certificates are missing or unknown";
    private static final String COMPONENTS = "* waiting for control plane components to become healthy";
    private static final String ETCD = "* waiting for etcd cluster to become healthy";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("no machines: pass", kcp().certificatesMissing(), true, null, List.of()),
                row("all healthy: pass", kcp(), true, null, List.of(),
                        machine("a").healthy(), machine("b").healthy()),
                row("scale up without certificates", kcp().certificatesMissing(), true, null, List.of(CERTS),
                        machine("a").healthy()),
                row("scale down does not need certificates", kcp().certificatesMissing(), false, null, List.of(),
                        machine("a").healthy()),
                row("a deleting machine blocks", kcp(), true, null, List.of(DELETING),
                        machine("a").healthy(), machine("b").healthy().deleting()),
                row("no nodeRef blocks components and etcd", kcp(), true, null, List.of(COMPONENTS, ETCD),
                        machine("a").healthy(), machine("b")),
                row("no nodeRef with external etcd blocks components only", kcp().externalEtcd(), true, null,
                        List.of(COMPONENTS), machine("a").healthy(), machine("b")),
                row("API server False blocks components", kcp(), true, null, List.of(COMPONENTS),
                        machine("a").healthy().condition("APIServerPodHealthy", "False")),
                row("scheduler Unknown blocks components", kcp(), true, null, List.of(COMPONENTS),
                        machine("a").healthy().condition("SchedulerPodHealthy", "Unknown")),
                row("etcd pod False counts as a component", kcp(), true, null, List.of(COMPONENTS),
                        machine("a").healthy().condition("EtcdPodHealthy", "False")),
                row("etcd member False blocks etcd", kcp(), true, null, List.of(ETCD),
                        machine("a").healthy().condition("EtcdMemberHealthy", "False")),
                row("etcd member False is ignored with external etcd", kcp().externalEtcd(), true, null, List.of(),
                        machine("a").healthy().condition("EtcdMemberHealthy", "False")),
                row("the scale-down victim is excluded", kcp(), false, "b", List.of(),
                        machine("a").healthy(), machine("b").condition("APIServerPodHealthy", "False")),
                row("the exclusion only covers the victim", kcp(), false, "a", List.of(COMPONENTS, ETCD),
                        machine("a").healthy(), machine("b")));
    }

    private static Arguments row(String name, KcpBuilder kcp, boolean scaleUp, String excluded, List<String> messages,
            MachineBuilder... machines) {
        return Arguments.of(name, kcp, scaleUp, excluded, messages, machines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blocksUntilTheControlPlaneIsStable(String name, KcpBuilder kcp, boolean scaleUp, String excluded,
            List<String> messages, MachineBuilder[] machines) {
        ControlPlane cp = controlPlane(kcp, cluster(), machines);
        PreflightResult result = Preflight.check(cp, List.of(), scaleUp, Optional.ofNullable(excluded));
        assertThat(result.conditionMessages()).containsExactlyElementsOf(messages);
        assertThat(result.passed()).isEqualTo(messages.isEmpty());
    }

    @Test
    void deletingWaitsLongerThanOtherFailures() {
        PreflightResult deleting = Preflight.check(controlPlane(kcp(), cluster(), machine("a").deleting()), List.of(),
                false, Optional.empty());
        PreflightResult unhealthy = Preflight.check(controlPlane(kcp(), cluster(), machine("a")), List.of(), false,
                Optional.empty());
        assertThat(deleting.requeueAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(unhealthy.requeueAfter()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void errorsNameTheMachineAndCondition() {
        PreflightResult result = Preflight.check(controlPlane(kcp().externalEtcd(), cluster(),
                machine("a").healthy().condition("SchedulerPodHealthy", "False"), machine("b")), List.of(), true,
                Optional.empty());
        assertThat(result.errors()).containsExactly(
                "Machine a reports SchedulerPodHealthy condition is false (SchedulerPodHealthy is False)",
                "Machine b does not have a corresponding Node yet (Machine.status.nodeRef not set)");
    }

    @Test
    void topologyVersionNotYetPropagatedBlocks() {
        ObjectNode cluster = cluster();
        ((ObjectNode) cluster.get("spec")).putObject("topology").put("version", "v1.31.0");
        PreflightResult result = Preflight.check(controlPlane(kcp(), cluster, machine("a").healthy()), List.of(), true,
                Optional.empty());
        assertThat(result.conditionMessages()).containsExactly("* waiting for a version upgrade to v1.31.0 to be propagated");

        ((ObjectNode) cluster.get("metadata")).putObject("annotations")
                .put("topology.internal.cluster.x-k8s.io/upgrade-step", "v1.30.2");
        assertThat(Preflight.check(controlPlane(kcp(), cluster, machine("a").healthy()), List.of(), true,
                Optional.empty()).passed()).isTrue();
    }

    @Test
    void scaleUpDuringRemediationNeedsOnlyOneHealthyMachineAndEtcdQuorum() {
        KcpBuilder kcp = kcp().annotate(KubeadmControlPlaneAnnotations.RemediationInProgressAnnotation, "{}");
        MachineBuilder[] machines = {machine("a").healthy(), machine("b").healthy(),
                machine("c").healthy().condition("APIServerPodHealthy", "False")};
        List<EtcdMember> members = List.of(EtcdMember.voting("1", "a"), EtcdMember.voting("2", "b"),
                EtcdMember.voting("3", "c"));
        ControlPlane cp = controlPlane(kcp, cluster(), machines);

        assertThat(Preflight.check(cp, members, true, Optional.empty()).passed()).isTrue();
        assertThat(Preflight.check(cp, members, false, Optional.empty()).passed())
                .as("relaxed only for scale up").isFalse();
        assertThat(Preflight.check(controlPlane(kcp(), cluster(), machines), members, true, Optional.empty()).passed())
                .as("relaxed only while remediation is in progress").isFalse();
    }

    @Test
    void scaleUpDuringRemediationStillGuardsEtcdQuorum() {
        KcpBuilder kcp = kcp().annotate(KubeadmControlPlaneAnnotations.RemediationInProgressAnnotation, "{}");
        ControlPlane cp = controlPlane(kcp, cluster(), machine("a").healthy(),
                machine("b").healthy().condition("EtcdMemberHealthy", "False"));
        PreflightResult result = Preflight.check(cp, List.of(EtcdMember.voting("1", "a"), EtcdMember.voting("2", "b")),
                true, Optional.empty());
        assertThat(result.conditionMessages()).containsExactly(ETCD);
        assertThat(result.errors()).containsExactly(
                "adding a new control plane Machine can lead to etcd quorum loss. Please check the etcd status");

        PreflightResult noMembers = Preflight.check(cp, List.of(), true, Optional.empty());
        assertThat(noMembers.errors()).containsExactly(
                "cannot check etcd cluster health before scale up, etcd member list is empty");
    }
}
