package io.capj.controlplane.kubeadm.controlplane;

import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machines;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's failure_domains_test.go and control_plane_test.go, with name as the tie-breaker. */
class FailureDomainChoiceTest {

    private static final List<String> FDS = List.of("fd1", "fd2", "fd3");

    private static MachineBuilder in(String name, String fd) {
        return machine(name).failureDomain(fd);
    }

    static Stream<Arguments> scaleUp() {
        return Stream.of(
                Arguments.of("no failure domains: none", List.of(), List.of(in("a", "fd1")), Set.of("a"), null),
                Arguments.of("no machines: first by name", FDS, List.of(), Set.of(), "fd1"),
                Arguments.of("fewest machines", FDS, List.of(in("a", "fd1"), in("b", "fd2")), Set.of("a", "b"), "fd3"),
                Arguments.of("fewest up-to-date wins over fewest overall", FDS,
                        List.of(in("a", "fd1"), in("b", "fd1"), in("c", "fd2"), in("d", "fd3")),
                        Set.of("c", "d"), "fd1"),
                Arguments.of("tie on up-to-date broken by fewest overall", FDS,
                        List.of(in("a", "fd1"), in("b", "fd2"), in("c", "fd2"), in("d", "fd3")),
                        Set.of("a", "d"), "fd2"),
                Arguments.of("machines in unknown domains are not counted", List.of("fd1", "fd2"),
                        List.of(in("a", "fd1"), in("b", "gone"), in("c", "gone")), Set.of("a", "b", "c"), "fd2"),
                Arguments.of("full tie broken by name", List.of("fd2", "fd1"), List.of(in("a", "fd1"), in("b", "fd2")),
                        Set.of("a", "b"), "fd1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaleUp")
    void scaleUpPicksTheFailureDomainWithFewestUpToDateMachines(String name, List<String> fds,
            List<MachineBuilder> all, Set<String> upToDate, String expected) {
        ControlPlaneMachines machines = machines(all.toArray(MachineBuilder[]::new));
        assertThat(FailureDomainChoice.forScaleUp(fds, machines, machines.filter(m -> upToDate.contains(m.name()))))
                .isEqualTo(Optional.ofNullable(expected));
    }

    static Stream<Arguments> victims() {
        return Stream.of(
                Arguments.of("most machines, oldest in it", FDS,
                        List.of(in("a", "fd1"), in("b", "fd2").created(Duration.ofHours(3)),
                                in("c", "fd2").created(Duration.ofHours(2)), in("d", "fd3")),
                        Set.of("a", "b", "c", "d"), "b"),
                Arguments.of("domain with most eligible wins over most overall", FDS,
                        List.of(in("a", "fd1"), in("b", "fd1"), in("c", "fd1"), in("d", "fd2"), in("e", "fd2")),
                        Set.of("a", "d", "e"), "d"),
                Arguments.of("tie on eligible broken by most overall", FDS,
                        List.of(in("a", "fd1"), in("b", "fd2"), in("c", "fd2")), Set.of("a", "b"), "b"),
                Arguments.of("eligible machine outside known domains goes first", FDS,
                        List.of(in("a", "fd1"), in("b", "fd1"), in("c", "old-fd").created(Duration.ofMinutes(1))),
                        Set.of("a", "b", "c"), "c"),
                Arguments.of("no failure domains: oldest eligible", List.of(),
                        List.of(machine("a").created(Duration.ofHours(1)), machine("b").created(Duration.ofHours(2))),
                        Set.of("a", "b"), "b"),
                Arguments.of("no eligible machines: none", FDS, List.of(in("a", "fd1")), Set.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("victims")
    void scaleDownTakesTheOldestEligibleMachineFromTheFullestDomain(String name, List<String> fds,
            List<MachineBuilder> all, Set<String> eligible, String expected) {
        ControlPlaneMachines machines = machines(all.toArray(MachineBuilder[]::new));
        assertThat(FailureDomainChoice.machineToDelete(fds, machines, machines.filter(m -> eligible.contains(m.name())))
                .map(ControlPlaneMachine::name)).isEqualTo(Optional.ofNullable(expected));
    }
}
