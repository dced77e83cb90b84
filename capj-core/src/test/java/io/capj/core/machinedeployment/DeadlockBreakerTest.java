package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a RollingUpdate may breach maxUnavailable by one to get unstuck. */
class DeadlockBreakerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static MachineSetView ms(String name, int ageRank, int replicas) {
        return MachineSetView.of(name, T0.plusSeconds(ageRank), replicas, 0);
    }

    static Stream<Arguments> cases() {
        MachineSetView newSet = ms("new", 9, 1);
        List<MachineSetView> old = List.of(ms("a", 0, 2));
        return Stream.of(
                Arguments.of("stuck: old unavailable, new available, nothing scaling", newSet, old,
                        Map.of("new", 1, "a", 2), Map.of("new", 1, "a", 1), 1),
                Arguments.of("old all available: no deadlock", newSet, old,
                        Map.of("new", 1, "a", 2), Map.of("new", 1, "a", 2), 2),
                Arguments.of("new not available yet: wait", newSet, old,
                        Map.of("new", 1, "a", 2), Map.of("new", 0, "a", 1), 2),
                Arguments.of("a scale still in progress: wait", newSet, old,
                        Map.of("new", 0, "a", 2), Map.of("new", 0, "a", 1), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void breaksOnlyRealDeadlocks(String name, MachineSetView newSet, List<MachineSetView> old,
            Map<String, Integer> actual, Map<String, Integer> available, int expectedOld) {
        RolloutStep current = new RolloutStep(newSet, old);

        RolloutStep result = DeadlockBreaker.apply(current, current, actual, available);

        assertThat(result.oldSets().get(0).replicas()).isEqualTo(expectedOld);
    }
}
