package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One RollingUpdate pass; cases after upstream's rolling_test.go (reconcileNewMachineSet,
 * reconcileOldMachineSets, cleanupUnhealthyReplicas) and mdutil's TestNewMSNewReplicas.
 */
class RolloutPlannerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static MachineSetView ms(String name, int ageRank, int replicas, int available) {
        return MachineSetView.of(name, T0.plusSeconds(ageRank), replicas, available);
    }

    private static DeploymentView md(int replicas, RolloutStrategy strategy) {
        return new DeploymentView("md", replicas, strategy, replicas);
    }

    static Stream<Arguments> newSetCases() {
        RolloutStrategy s10 = RolloutStrategy.rollingUpdate(1, 0);
        return Stream.of(
                Arguments.of("scale up by maxSurge from 0", md(10, s10), ms("new", 9, 0, 0),
                        List.of(ms("old", 0, 10, 10)), 1),
                Arguments.of("no room above replicas+maxSurge", md(10, s10), ms("new", 9, 1, 0),
                        List.of(ms("old", 0, 10, 10)), 1),
                Arguments.of("room after old shrank", md(10, s10), ms("new", 9, 1, 1),
                        List.of(ms("old", 0, 9, 9)), 2),
                Arguments.of("trim when new exceeds replicas", md(2, s10), ms("new", 9, 3, 3), List.of(), 2),
                Arguments.of("already at replicas", md(2, s10), ms("new", 9, 2, 0), List.of(ms("old", 0, 2, 2)), 2),
                Arguments.of("percent surge rounds up", md(5, RolloutStrategy.rollingUpdate(IntOrPercent.of("50%"),
                        IntOrPercent.of(0))), ms("new", 9, 0, 0), List.of(ms("old", 0, 5, 5)), 3),
                Arguments.of("surge bigger than gap is capped at replicas", md(3, RolloutStrategy.rollingUpdate(6, 0)),
                        ms("new", 9, 1, 1), List.of(ms("old", 0, 1, 1)), 3),
                Arguments.of("scaling up from nothing", md(3, s10), ms("new", 9, 0, 0), List.of(), 3),
                Arguments.of("OnDelete waits for deleted machines", md(10, RolloutStrategy.onDelete()),
                        ms("new", 9, 0, 0), List.of(ms("old", 0, 10, 10)), 0),
                Arguments.of("OnDelete refills what was deleted", md(10, RolloutStrategy.onDelete()),
                        ms("new", 9, 0, 0), List.of(ms("old", 0, 7, 7)), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newSetCases")
    void reconcilesNewMachineSet(String name, DeploymentView md, MachineSetView newSet, List<MachineSetView> old,
            int expected) {
        assertThat(RolloutPlanner.reconcileNewMachineSet(md, newSet, old).replicas()).isEqualTo(expected);
    }

    static Stream<Arguments> oldSetCases() {
        return Stream.of(
                Arguments.of("unready new machine blocks scale down", md(10, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 1, 0), List.of(ms("old", 0, 10, 10)), List.of(10)),
                Arguments.of("unready new machine also blocks cleanup", md(10, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 1, 0), List.of(ms("old", 0, 10, 9)), List.of(10)),
                Arguments.of("ready new machine frees one old", md(10, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 1, 1), List.of(ms("old", 0, 10, 10)), List.of(9)),
                Arguments.of("maxUnavailable 1 deletes first", md(10, RolloutStrategy.rollingUpdate(0, 1)),
                        ms("new", 9, 0, 0), List.of(ms("old", 0, 10, 10)), List.of(9)),
                Arguments.of("unhealthy old replicas are cleaned up first", md(10, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 1, 1), List.of(ms("old", 0, 10, 8)), List.of(9)),
                Arguments.of("oldest set shrinks first", md(10, RolloutStrategy.rollingUpdate(0, 3)),
                        ms("new", 9, 0, 0), List.of(ms("b", 1, 5, 5), ms("a", 0, 5, 5)), List.of(5, 2)),
                Arguments.of("oldest set emptied then the next", md(10, RolloutStrategy.rollingUpdate(0, 7)),
                        ms("new", 9, 0, 0), List.of(ms("a", 0, 5, 5), ms("b", 1, 5, 5)), List.of(0, 3)),
                Arguments.of("cleanup spans sets oldest first", md(10, RolloutStrategy.rollingUpdate(0, 2)),
                        ms("new", 9, 0, 0), List.of(ms("a", 0, 5, 4), ms("b", 1, 5, 3)), List.of(4, 4)),
                Arguments.of("cleanup capped by maxScaledDown", md(10, RolloutStrategy.rollingUpdate(0, 1)),
                        ms("new", 9, 0, 0), List.of(ms("a", 0, 10, 5)), List.of(9)),
                Arguments.of("only the unhealthy one goes at min available", md(10, RolloutStrategy.rollingUpdate(0, 1)),
                        ms("new", 9, 0, 0), List.of(ms("a", 0, 10, 9)), List.of(9)),
                Arguments.of("no old replicas is a no-op", md(3, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 3, 3), List.of(ms("a", 0, 0, 0)), List.of(0)),
                Arguments.of("scale to zero deployment removes all old", md(0, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 0, 0), List.of(ms("a", 0, 2, 2)), List.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oldSetCases")
    void reconcilesOldMachineSets(String name, DeploymentView md, MachineSetView newSet, List<MachineSetView> old,
            List<Integer> expected) {
        assertThat(RolloutPlanner.reconcileOldMachineSets(md, newSet, old)).extracting(MachineSetView::replicas)
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> planCases() {
        return Stream.of(
                Arguments.of("first pass surges only", md(3, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 0, 0), List.of(ms("old", 0, 3, 3)), 1, List.of(3)),
                Arguments.of("surge and unavailable together", md(4, RolloutStrategy.rollingUpdate(1, 1)),
                        ms("new", 9, 0, 0), List.of(ms("old", 0, 4, 4)), 1, List.of(3)),
                Arguments.of("finishing pass drains the last old", md(3, RolloutStrategy.rollingUpdate(1, 0)),
                        ms("new", 9, 3, 3), List.of(ms("old", 0, 1, 1)), 3, List.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planCases")
    void plansOnePass(String name, DeploymentView md, MachineSetView newSet, List<MachineSetView> old,
            int expectedNew, List<Integer> expectedOld) {
        RolloutStep step = RolloutPlanner.planRollingUpdate(md, newSet, old);

        assertThat(step.newSet().replicas()).isEqualTo(expectedNew);
        assertThat(step.oldSets()).extracting(MachineSetView::replicas).containsExactlyElementsOf(expectedOld);
    }
}
