package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property test: a RollingUpdate over 10 replicas, from a seeded random split across one to three old
 * MachineSets and with Machines becoming ready at a seeded random pace, never breaks its bounds and converges.
 */
class RolloutSimulationTest {


    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987})
    void surgeOneUnavailableZeroNeverExceeds11NorDropsBelow10(long seed) {
        RolloutSimulation sim = simulation(RolloutStrategy.rollingUpdate(1, 0), seed);

        assertThat(sim.runUntilConverged(500)).as("converged after %d steps", sim.steps()).isTrue();
        assertThat(sim.maxTotal()).isLessThanOrEqualTo(11);
        assertThat(sim.minAvailable()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987})
    void surgeZeroUnavailableOneNeverExceeds10NorDropsBelow9(long seed) {
        RolloutSimulation sim = simulation(RolloutStrategy.rollingUpdate(0, 1), seed);

        assertThat(sim.runUntilConverged(500)).as("converged after %d steps", sim.steps()).isTrue();
        assertThat(sim.maxTotal()).isLessThanOrEqualTo(10);
        assertThat(sim.minAvailable()).isGreaterThanOrEqualTo(9);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void percentBoundsStayWithinResolvedFenceposts(long seed) {
        RolloutStrategy strategy = RolloutStrategy.rollingUpdate(IntOrPercent.of("25%"), IntOrPercent.of("25%"));
        RolloutSimulation sim = simulation(strategy, seed);

        assertThat(sim.runUntilConverged(500)).isTrue();
        assertThat(sim.maxTotal()).isLessThanOrEqualTo(13);
        assertThat(sim.minAvailable()).isGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void twoStepsPerMachineWhenReadyImmediately(long seed) {
        RolloutSimulation sim = new RolloutSimulation(deployment(RolloutStrategy.rollingUpdate(1, 0)),
                List.of(MachineSetView.of("old", Instant.EPOCH, 10, 10)), seed, 1.0);

        assertThat(sim.runUntilConverged(500)).isTrue();
        assertThat(sim.steps()).isEqualTo(20);
    }

    private static RolloutSimulation simulation(RolloutStrategy strategy, long seed) {
        Random random = new Random(seed);
        int sets = 1 + random.nextInt(3);
        List<MachineSetView> old = new ArrayList<>();
        int left = 10;
        for (int i = 0; i < sets; i++) {
            int size = i == sets - 1 ? left : random.nextInt(left + 1);
            left -= size;
            old.add(MachineSetView.of("old-" + i, Instant.EPOCH.plusSeconds(i), size, size));
        }
        double readyProbability = 0.2 + 0.8 * random.nextDouble();
        return new RolloutSimulation(deployment(strategy), old, seed, readyProbability);
    }

    private static DeploymentView deployment(RolloutStrategy strategy) {
        return new DeploymentView("md", 10, strategy, 10);
    }
}
