package io.capj.controlplane.kubeadm.scale;

import static io.capj.controlplane.kubeadm.testing.Fixtures.cluster;
import static io.capj.controlplane.kubeadm.testing.Fixtures.controlPlane;
import static io.capj.controlplane.kubeadm.testing.Fixtures.kcp;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's scale_test.go TestSelectMachineForInPlaceUpdateOrScaleDown. */
class ScaleDownVictimTest {

    private static final String DEL = CoreAnnotations.DeleteMachineAnnotation;

    /** Outdated machines run v1.29 against the KCP's v1.30.2; "oldest" is created first. */
    private static MachineBuilder outdated(String name, int hoursOld) {
        return machine(name).healthy().version("v1.29.0").created(Duration.ofHours(hoursOld));
    }

    private static MachineBuilder current(String name, int hoursOld) {
        return machine(name).healthy().created(Duration.ofHours(hoursOld));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("outdated with delete annotation first",
                        List.of(outdated("o1", 9), outdated("o2", 5).annotate(DEL, ""), current("c1", 7).annotate(DEL, "")),
                        "o2"),
                Arguments.of("then any machine with delete annotation",
                        List.of(outdated("o1", 9), current("c1", 1).annotate(DEL, "")), "c1"),
                Arguments.of("then outdated with unhealthy components",
                        List.of(outdated("o1", 9), outdated("o2", 5).condition("SchedulerPodHealthy", "False"),
                                current("c1", 1).condition("APIServerPodHealthy", "False")), "o2"),
                Arguments.of("then the oldest outdated",
                        List.of(current("c1", 10), outdated("o1", 5), outdated("o2", 7)), "o2"),
                Arguments.of("then the oldest of all", List.of(current("c1", 3), current("c2", 8), current("c3", 5)), "c2"),
                Arguments.of("from the failure domain with most machines",
                        List.of(current("a", 9).failureDomain("fd1"), current("b", 1).failureDomain("fd2"),
                                current("c", 2).failureDomain("fd2")), "c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picksTheVictimUpstreamPicks(String name, List<MachineBuilder> machines, String expected) {
        ControlPlane cp = controlPlane(kcp(), cluster("fd1", "fd2"), machines.toArray(MachineBuilder[]::new));
        assertThat(ScaleDownVictim.select(cp, cp.needingRollout()).map(ControlPlaneMachine::name)).contains(expected);
    }
}
