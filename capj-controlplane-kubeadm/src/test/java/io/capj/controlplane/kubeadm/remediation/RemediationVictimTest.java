package io.capj.controlplane.kubeadm.remediation;

import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machines;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's remediation_test.go TestGetMachineToBeRemediated / pickMachineToBeRemediated. */
class RemediationVictimTest {

    /** Unhealthy per MHC, otherwise healthy, created {@code hoursOld} ago (older machines win ties). */
    private static MachineBuilder sick(String name, int hoursOld) {
        return machine(name).healthy().toRemediate().created(Duration.ofHours(hoursOld));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("single machine", true, List.of(sick("a", 1)), "a"),
                Arguments.of("remediate-machine annotation first", true,
                        List.of(sick("a", 9), sick("b", 1).annotate(CoreAnnotations.RemediateMachineAnnotation, "")), "b"),
                Arguments.of("no nodeRef before etcd issue", true,
                        List.of(sick("a", 9).condition("EtcdMemberHealthy", "False"),
                                machine("b").toRemediate().created(Duration.ofHours(1))), "b"),
                Arguments.of("etcd member issue before API server issue", true,
                        List.of(sick("a", 9).condition("APIServerPodHealthy", "False"),
                                sick("b", 1).condition("EtcdMemberHealthy", "False")), "b"),
                Arguments.of("etcd unknown counts as an issue", true,
                        List.of(sick("a", 9), sick("b", 1).condition("EtcdPodHealthy", "Unknown")), "b"),
                Arguments.of("etcd ignored with external etcd", false,
                        List.of(sick("a", 9).condition("SchedulerPodHealthy", "False"),
                                sick("b", 1).condition("EtcdMemberHealthy", "False")), "a"),
                Arguments.of("API server before controller manager", true,
                        List.of(sick("a", 9).condition("ControllerManagerPodHealthy", "False"),
                                sick("b", 1).condition("APIServerPodHealthy", "False")), "b"),
                Arguments.of("kubeadm labels and taints last among conditions", true,
                        List.of(sick("a", 9).condition("NodeKubeadmLabelsAndTaintsSet", "True"),
                                sick("b", 1).condition("NodeKubeadmLabelsAndTaintsSet", "False")), "b"),
                Arguments.of("oldest when equally broken", true, List.of(sick("a", 1), sick("b", 5), sick("c", 3)), "b"),
                Arguments.of("name when equally old", true, List.of(sick("b", 2), sick("a", 2)), "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picksTheMostBrokenMachine(String name, boolean etcdManaged, List<MachineBuilder> unhealthy, String expected) {
        assertThat(RemediationVictim.pick(machines(unhealthy.toArray(MachineBuilder[]::new)), etcdManaged)
                .map(ControlPlaneMachine::name)).contains(expected);
    }
}
