package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Old MachineSets under OnDelete, after upstream's reconcileOldMachineSetsOnDelete cases. */
class OnDeletePlannerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static MachineSetView ms(String name, int ageRank, int replicas) {
        return MachineSetView.of(name, T0.plusSeconds(ageRank), replicas, replicas);
    }

    private static DeploymentView md(int replicas) {
        return new DeploymentView("md", replicas, RolloutStrategy.onDelete(), replicas);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing deleted, nothing changes", md(3), ms("new", 9, 0),
                        List.of(ms("old", 0, 3)), Map.of("old", 3), List.of(3)),
                Arguments.of("follows machines users deleted", md(3), ms("new", 9, 0),
                        List.of(ms("old", 0, 3)), Map.of("old", 2), List.of(2)),
                Arguments.of("deletions spread over sets", md(6), ms("new", 9, 0),
                        List.of(ms("a", 0, 3), ms("b", 1, 3)), Map.of("a", 2, "b", 1), List.of(2, 1)),
                Arguments.of("deployment scaled down: oldest first", md(4), ms("new", 9, 1),
                        List.of(ms("b", 1, 3), ms("a", 0, 3)), Map.of("a", 3, "b", 3), List.of(3, 0)),
                Arguments.of("deleted machines count against the excess", md(4), ms("new", 9, 0),
                        List.of(ms("a", 0, 3), ms("b", 1, 3)), Map.of("a", 1, "b", 3), List.of(1, 3)),
                Arguments.of("empty old sets are a no-op", md(3), ms("new", 9, 3),
                        List.of(ms("a", 0, 0)), Map.of("a", 0), List.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scalesOldMachineSets(String name, DeploymentView md, MachineSetView newSet, List<MachineSetView> old,
            Map<String, Integer> actual, List<Integer> expected) {
        assertThat(OnDeletePlanner.scaleDownOldMachineSets(md, newSet, old, actual))
                .extracting(MachineSetView::replicas).containsExactlyElementsOf(expected);
    }
}
