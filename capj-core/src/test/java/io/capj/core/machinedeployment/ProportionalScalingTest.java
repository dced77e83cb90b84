package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proportional scaling when replicas change mid-rollout; cases after upstream's sync_test.go TestScale and
 * mdutil TestGetProportion. MachineSets carry the max-replicas annotation of the deployment's old size
 * (maxSurge 0 there, so max-replicas is the old replicas).
 */
class ProportionalScalingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RolloutStrategy NO_SURGE = RolloutStrategy.rollingUpdate(0, 1);

    private static MachineSetView ms(String name, int ageRank, int replicas, int oldDeploymentReplicas) {
        return MachineSetView.of(name, T0.plusSeconds(ageRank), replicas, replicas)
                .withAnnotation(CoreAnnotations.MaxReplicasAnnotation, String.valueOf(oldDeploymentReplicas))
                .withAnnotation(CoreAnnotations.DesiredReplicasAnnotation, String.valueOf(oldDeploymentReplicas));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("normal scaling event: 10 -> 12", 10, 12, 10, List.of(), 12, List.of()),
                row("normal scaling event: 10 -> 5", 10, 5, 10, List.of(), 5, List.of()),
                row("proportional scaling: 5 -> 10", 5, 10, 2, List.of(3), 4, List.of(6)),
                row("proportional scaling: 5 -> 3", 5, 3, 2, List.of(3), 1, List.of(2)),
                row("proportional scaling: 9 -> 4", 9, 4, 8, List.of(1), 4, List.of(0)),
                row("proportional scaling: 7 -> 10", 7, 10, 2, List.of(3, 2), 3, List.of(4, 3)),
                row("proportional scaling: 13 -> 8", 13, 8, 2, List.of(8, 3), 1, List.of(5, 2)),
                row("leftover distribution: 3 -> 4", 3, 4, 1, List.of(1, 1), 2, List.of(1, 1)),
                row("leftover distribution: 4 -> 3", 4, 3, 1, List.of(2, 1), 1, List.of(1, 1)),
                row("leftover distribution: 10 -> 9", 10, 9, 2, List.of(4, 4), 2, List.of(3, 4)),
                row("only old active takes the count: 10 -> 12", 10, 12, 0, List.of(10), 0, List.of(12)),
                row("nothing active: newest (the new set) takes it", 0, 3, 0, List.of(0), 3, List.of(0)),
                row("scaling to zero", 5, 0, 2, List.of(3), 0, List.of(0)));
    }

    private static Arguments row(String name, int oldReplicas, int newReplicas, int newSetReplicas,
            List<Integer> oldSetReplicas, int expectedNew, List<Integer> expectedOld) {
        return Arguments.of(name, oldReplicas, newReplicas, newSetReplicas, oldSetReplicas, expectedNew, expectedOld);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scales(String name, int oldReplicas, int newReplicas, int newSetReplicas, List<Integer> oldSetReplicas,
            int expectedNew, List<Integer> expectedOld) {
        DeploymentView md = new DeploymentView("md", newReplicas, NO_SURGE, oldReplicas);
        List<MachineSetView> old = new java.util.ArrayList<>();
        for (int i = 0; i < oldSetReplicas.size(); i++) {
            old.add(ms("old-" + i, i, oldSetReplicas.get(i), oldReplicas));
        }
        MachineSetView newSet = ms("new", 100, newSetReplicas, oldReplicas);

        RolloutStep step = ProportionalScaling.scale(md, newSet, old);

        assertThat(step.newSet().replicas()).isEqualTo(expectedNew);
        assertThat(step.oldSets()).extracting(MachineSetView::replicas).containsExactlyElementsOf(expectedOld);
    }

    @Test
    void saturatedNewSetZeroesOldOnes() {
        DeploymentView md = new DeploymentView("md", 10, NO_SURGE, 12);
        MachineSetView newSet = ms("new", 100, 10, 10);

        RolloutStep step = ProportionalScaling.scale(md, newSet, List.of(ms("old", 0, 2, 10)));

        assertThat(step.newSet().replicas()).isEqualTo(10);
        assertThat(step.oldSets()).extracting(MachineSetView::replicas).containsExactly(0);
    }

    @Test
    void onDeleteWithSeveralActiveSetsIsLeftAlone() {
        DeploymentView md = new DeploymentView("md", 12, RolloutStrategy.onDelete(), 10);
        RolloutStep step = ProportionalScaling.scale(md, ms("new", 100, 4, 10), List.of(ms("old", 0, 6, 10)));

        assertThat(step.newSet().replicas()).isEqualTo(4);
        assertThat(step.oldSets()).extracting(MachineSetView::replicas).containsExactly(6);
    }

    static Stream<Arguments> proportionCases() {
        DeploymentView to20 = new DeploymentView("md", 20, NO_SURGE, 10);
        DeploymentView to5 = new DeploymentView("md", 5, NO_SURGE, 10);
        MachineSetView five = ms("five", 0, 5, 10);
        return Stream.of(
                Arguments.of("nil machine set", null, to20, 10, 0, 0),
                Arguments.of("nothing to add", five, to20, 0, 0, 0),
                Arguments.of("everything already added", five, to20, 10, 10, 0),
                Arguments.of("empty machine set", ms("zero", 0, 0, 10), to20, 10, 0, 0),
                Arguments.of("add its share", five, to20, 10, 0, 5),
                Arguments.of("add capped by what is left", five, to20, 10, 7, 3),
                Arguments.of("remove its share (2.5 rounds to 3)", five, to5, -5, 0, -2),
                Arguments.of("remove capped by what is left", five, to5, -5, -4, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proportionCases")
    void computesProportion(String name, MachineSetView ms, DeploymentView md, int toAdd, int added, int expected) {
        assertThat(ProportionalScaling.proportion(ms, md, toAdd, added)).isEqualTo(expected);
    }
}
