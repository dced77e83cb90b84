package io.capj.core.machineset;

import static io.capj.core.machineset.DeletionOrder.NEWEST;
import static io.capj.core.machineset.DeletionOrder.OLDEST;
import static io.capj.core.machineset.DeletionOrder.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Cases ported from upstream's machineset_delete_policy_test.go, as table rows. */
class MachineSetDeletionOrderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static DeletionCandidate aged(String name, Duration age) {
        return DeletionCandidate.healthy(name, NOW.minus(age));
    }

    private static final DeletionCandidate HEALTHY = aged("healthy", Duration.ofHours(1));
    private static final DeletionCandidate HEALTHY_2 = aged("healthy-2", Duration.ofHours(1));
    private static final DeletionCandidate DELETING = aged("deleting", Duration.ofHours(1)).withDeleting(true);
    private static final DeletionCandidate ANNOTATED = aged("annotated", Duration.ofHours(1))
            .withAnnotations(Map.of(CoreAnnotations.DeleteMachineAnnotation, ""));
    private static final DeletionCandidate NO_NODE = aged("no-node", Duration.ofHours(1)).withNodeRef(false);
    private static final DeletionCandidate NODE_UNHEALTHY = aged("node-unhealthy", Duration.ofHours(1))
            .withNodeHealthy(ConditionStatus.FALSE);
    private static final DeletionCandidate NODE_UNKNOWN = aged("node-unknown", Duration.ofHours(1))
            .withNodeHealthy(ConditionStatus.UNKNOWN);
    private static final DeletionCandidate MHC_FAILED = aged("mhc-failed", Duration.ofHours(1))
            .withHealthCheckSucceeded(ConditionStatus.FALSE);
    private static final DeletionCandidate SECOND_OLD = aged("second", Duration.ofDays(2));
    private static final DeletionCandidate THIRD_OLD = aged("third", Duration.ofDays(3));
    private static final DeletionCandidate FIRST_NEW = aged("first", Duration.ofDays(1));
    private static final DeletionCandidate YEAR_OLD = aged("year", Duration.ofDays(365));
    private static final DeletionCandidate NO_CREATION = new DeletionCandidate("zero", null, false, Map.of(), true,
            ConditionStatus.TRUE, ConditionStatus.ABSENT);
    private static final DeletionCandidate FUTURE = DeletionCandidate.healthy("future", NOW.plus(Duration.ofDays(1)));

    static Stream<Arguments> cases() {
        return Stream.of(
                row("random: diff 0 deletes nothing", RANDOM, 0, List.of(HEALTHY, DELETING), List.of()),
                row("random: negative diff deletes nothing", RANDOM, -1, List.of(HEALTHY), List.of()),
                row("random: diff >= size deletes all in input order", RANDOM, 3, List.of(HEALTHY, DELETING),
                        List.of(HEALTHY, DELETING)),
                row("random: deleting first", RANDOM, 1, List.of(HEALTHY, DELETING, HEALTHY_2), List.of(DELETING)),
                row("random: delete-machine annotation first", RANDOM, 1, List.of(HEALTHY, ANNOTATED, HEALTHY_2),
                        List.of(ANNOTATED)),
                row("random: deleting before annotated", RANDOM, 1, List.of(ANNOTATED, DELETING), List.of(DELETING)),
                row("random: annotated before unhealthy", RANDOM, 1, List.of(NO_NODE, ANNOTATED), List.of(ANNOTATED)),
                row("random: no nodeRef first", RANDOM, 1, List.of(HEALTHY, NO_NODE), List.of(NO_NODE)),
                row("random: NodeHealthy=False first", RANDOM, 1, List.of(HEALTHY, NODE_UNHEALTHY),
                        List.of(NODE_UNHEALTHY)),
                row("random: HealthCheckSucceeded=False first", RANDOM, 1, List.of(HEALTHY, MHC_FAILED),
                        List.of(MHC_FAILED)),
                row("random: NodeHealthy=Unknown is not held against it", RANDOM, 1, List.of(NODE_UNKNOWN, HEALTHY),
                        List.of(HEALTHY)),
                row("random: healthy ties break by name", RANDOM, 2, List.of(SECOND_OLD, HEALTHY_2, HEALTHY),
                        List.of(HEALTHY, HEALTHY_2)),
                row("random: full priority order", RANDOM, 4, List.of(HEALTHY, NO_NODE, ANNOTATED, DELETING, MHC_FAILED),
                        List.of(DELETING, ANNOTATED, MHC_FAILED, NO_NODE)),
                row("newest: newest first", NEWEST, 1, List.of(SECOND_OLD, FIRST_NEW, THIRD_OLD), List.of(FIRST_NEW)),
                row("newest: two newest", NEWEST, 2, List.of(YEAR_OLD, THIRD_OLD, FIRST_NEW, SECOND_OLD),
                        List.of(FIRST_NEW, SECOND_OLD)),
                row("newest: deleting beats newest", NEWEST, 1, List.of(FIRST_NEW, DELETING), List.of(DELETING)),
                row("newest: annotated beats newest", NEWEST, 1, List.of(HEALTHY, ANNOTATED), List.of(ANNOTATED)),
                row("newest: unhealthy beats newest", NEWEST, 1, List.of(SECOND_OLD, HEALTHY, NO_NODE),
                        List.of(NO_NODE)),
                row("oldest: oldest first", OLDEST, 1, List.of(SECOND_OLD, FIRST_NEW, YEAR_OLD, THIRD_OLD),
                        List.of(YEAR_OLD)),
                row("oldest: two oldest", OLDEST, 2, List.of(SECOND_OLD, FIRST_NEW, YEAR_OLD, THIRD_OLD),
                        List.of(YEAR_OLD, THIRD_OLD)),
                row("oldest: deleting beats oldest", OLDEST, 1, List.of(YEAR_OLD, DELETING), List.of(DELETING)),
                row("oldest: annotated beats oldest", OLDEST, 1, List.of(YEAR_OLD, ANNOTATED), List.of(ANNOTATED)),
                row("oldest: MHC failed beats oldest", OLDEST, 1, List.of(YEAR_OLD, MHC_FAILED), List.of(MHC_FAILED)),
                row("oldest: zero creation time is last", OLDEST, 1, List.of(NO_CREATION, FIRST_NEW),
                        List.of(FIRST_NEW)),
                row("oldest: future creation time is last", OLDEST, 1, List.of(FUTURE, FIRST_NEW), List.of(FIRST_NEW)),
                row("newest: future creation time counts as newest", NEWEST, 1, List.of(FIRST_NEW, FUTURE),
                        List.of(FUTURE)));
    }

    private static Arguments row(String name, DeletionOrder order, int diff, List<DeletionCandidate> machines,
            List<DeletionCandidate> expected) {
        return Arguments.of(name, order, diff, machines, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesMachinesToDelete(String name, DeletionOrder order, int diff, List<DeletionCandidate> machines,
            List<DeletionCandidate> expected) {
        assertThat(MachineSetDeletionOrder.machinesToDelete(machines, diff, order, NOW))
                .extracting(DeletionCandidate::name)
                .containsExactlyElementsOf(expected.stream().map(DeletionCandidate::name).toList());
    }

    @Test
    void parsesUpstreamOrderStrings() {
        assertThat(DeletionOrder.parse("")).isEqualTo(RANDOM);
        assertThat(DeletionOrder.parse(null)).isEqualTo(RANDOM);
        assertThat(DeletionOrder.parse("Newest")).isEqualTo(NEWEST);
        assertThat(DeletionOrder.parse("Oldest")).isEqualTo(OLDEST);
        assertThatThrownBy(() -> DeletionOrder.parse("Bogus"))
                .hasMessage("Unsupported deletion order Bogus. Must be one of 'Random', 'Newest', or 'Oldest'");
    }

    @Test
    void oldestPriorityStaysBelowUnhealthy() {
        double veryOld = MachineSetDeletionOrder.priority(aged("old", Duration.ofDays(10_000)), OLDEST, NOW);
        assertThat(veryOld).isLessThanOrEqualTo(MachineSetDeletionOrder.BETTER_DELETE)
                .isGreaterThan(MachineSetDeletionOrder.COULD_DELETE);
    }
}
