package io.capj.controlplane.kubeadm.scale;

import static io.capj.controlplane.kubeadm.testing.Fixtures.cluster;
import static io.capj.controlplane.kubeadm.testing.Fixtures.controlPlane;
import static io.capj.controlplane.kubeadm.testing.Fixtures.kcp;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.testing.Fixtures.KcpBuilder;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The next action, written as "expected" strings: {@code up(fd)}, {@code init(fd)}, {@code down(machine)},
 * {@code rollout(machine)}, {@code wait}, {@code none}.
 */
class ControlPlaneOperationTest {

    private static MachineBuilder ok(String name, String fd, int hoursOld) {
        return machine(name).healthy().failureDomain(fd).created(Duration.ofHours(hoursOld));
    }

    private static MachineBuilder old(String name, String fd, int hoursOld) {
        return ok(name, fd, hoursOld).version("v1.29.0");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("no machines: init in the first failure domain", kcp(), "init(fd1)"),
                row("fewer than replicas: scale up where fewest", kcp(), "up(fd3)",
                        ok("a", "fd1", 2), ok("b", "fd2", 1)),
                row("scale up waits for an unhealthy machine", kcp(), "wait",
                        ok("a", "fd1", 2), ok("b", "fd2", 1).condition("EtcdMemberHealthy", "False")),
                row("scale up waits for certificates", kcp().certificatesMissing(), "wait", ok("a", "fd1", 2)),
                row("replicas reached: none", kcp(), "none", ok("a", "fd1", 3), ok("b", "fd2", 2), ok("c", "fd3", 1)),
                row("more than replicas: scale down oldest in fullest domain", kcp(), "down(b)",
                        ok("a", "fd1", 1), ok("b", "fd2", 5), ok("c", "fd2", 2), ok("d", "fd3", 9)),
                row("scale down waits for a deleting machine", kcp().replicas(1), "wait",
                        ok("a", "fd1", 1), ok("b", "fd2", 5).deleting()),
                row("scale down ignores the victim's own health", kcp().replicas(1), "down(b)",
                        ok("a", "fd1", 1), ok("b", "fd1", 5).condition("APIServerPodHealthy", "False")),
                row("maxSurge 1 rollout: surge first", kcp(), "up(fd1)",
                        old("a", "fd1", 3), old("b", "fd2", 2), old("c", "fd3", 1)),
                row("maxSurge 1 rollout: then delete an outdated one", kcp(), "rollout(a)",
                        old("a", "fd1", 3), old("b", "fd2", 2), old("c", "fd3", 1), ok("d", "fd1", 0)),
                row("maxSurge 1 rollout: surge waits for the new machine's node", kcp(), "wait",
                        old("a", "fd1", 3), old("b", "fd2", 2), ok("d", "fd1", 0), machine("e").failureDomain("fd3")),
                row("maxSurge 0 rollout: delete first", kcp().maxSurge(0), "rollout(a)",
                        old("a", "fd1", 3), old("b", "fd2", 2), old("c", "fd3", 1)),
                row("maxSurge 0 rollout: then replace", kcp().maxSurge(0), "up(fd1)",
                        old("b", "fd2", 2), old("c", "fd3", 1)),
                row("maxSurge 0 with one replica surges instead", kcp().maxSurge(0).replicas(1), "up(fd2)",
                        old("a", "fd1", 3)),
                row("rollout ignores outdated machines that are already deleting", kcp().replicas(1), "wait",
                        ok("a", "fd1", 1), old("b", "fd2", 2).deleting()),
                row("rollout victim prefers the delete annotation", kcp(), "rollout(c)",
                        old("a", "fd1", 3), old("b", "fd2", 2),
                        old("c", "fd3", 1).annotate("cluster.x-k8s.io/delete-machine", ""), ok("d", "fd1", 0)));
    }

    private static Arguments row(String name, KcpBuilder kcp, String expected, MachineBuilder... machines) {
        return Arguments.of(name, kcp, expected, machines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesOneOperationAtATime(String name, KcpBuilder kcp, String expected, MachineBuilder[] machines) {
        ControlPlane cp = controlPlane(kcp, cluster("fd1", "fd2", "fd3"), machines);
        assertThat(describe(ControlPlaneOperation.next(cp, List.of()))).isEqualTo(expected);
    }

    @Test
    void scaleUpWithoutFailureDomainsHasNone() {
        ControlPlane cp = controlPlane(kcp(), cluster(), machine("a").healthy());
        assertThat(ControlPlaneOperation.next(cp, List.of()))
                .isEqualTo(new ControlPlaneAction.ScaleUp(java.util.Optional.empty(), false));
    }

    @Test
    void waitCarriesPreflightMessagesAndDelay() {
        ControlPlane cp = controlPlane(kcp(), cluster(), machine("a").healthy(), machine("b").deleting());
        ControlPlaneAction.Wait wait = (ControlPlaneAction.Wait) ControlPlaneOperation.next(cp, List.of());
        assertThat(wait.messages()).containsExactly("* waiting for a control plane Machine to complete deletion");
        assertThat(wait.requeueAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    private static String describe(ControlPlaneAction action) {
        if (action instanceof ControlPlaneAction.ScaleUp up) {
            return (up.initialize() ? "init(" : "up(") + up.failureDomain().orElse("") + ")";
        }
        if (action instanceof ControlPlaneAction.ScaleDown down) {
            return (down.rollout() ? "rollout(" : "down(") + down.machine().name() + ")";
        }
        return action instanceof ControlPlaneAction.Wait ? "wait" : "none";
    }
}
