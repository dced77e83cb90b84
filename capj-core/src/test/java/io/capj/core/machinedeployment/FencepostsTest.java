package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** maxSurge/maxUnavailable resolution; cases after upstream's mdutil TestResolveFenceposts. */
class FencepostsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("0%", "0%", 0, 0, 1),
                Arguments.of("39%", "39%", 10, 4, 3),
                Arguments.of("25%", "25%", 10, 3, 2),
                Arguments.of("1%", "1%", 10, 1, 0),
                Arguments.of("50%", "50%", 1, 1, 0),
                Arguments.of("100%", "0%", 3, 3, 0),
                Arguments.of("0%", "100%", 3, 0, 3),
                Arguments.of(1, 0, 10, 1, 0),
                Arguments.of(0, 1, 10, 0, 1),
                Arguments.of(0, 0, 10, 0, 1),
                Arguments.of(3, "10%", 5, 3, 0),
                Arguments.of("10%", 0, 5, 1, 0));
    }

    @ParameterizedTest(name = "surge {0}, unavailable {1}, desired {2} -> {3}/{4}")
    @MethodSource("cases")
    void resolves(Object surge, Object unavailable, int desired, int expectedSurge, int expectedUnavailable) {
        assertThat(Fenceposts.resolve(bound(surge), bound(unavailable), desired))
                .isEqualTo(new Fenceposts(expectedSurge, expectedUnavailable));
    }

    @Test
    void rejectsStringsThatAreNotPercentages() {
        assertThatThrownBy(() -> Fenceposts.resolve(IntOrPercent.of("oops"), IntOrPercent.of(0), 10))
                .hasMessageContaining("string is not a percentage");
        assertThatThrownBy(() -> Fenceposts.resolve(IntOrPercent.of("55%"), IntOrPercent.of("urg%"), 10))
                .hasMessageContaining("invalid value \"urg%\"");
    }

    @Test
    void maxUnavailableIsCappedAtReplicasAndZeroForOnDelete() {
        assertThat(RolloutMath.maxUnavailable(new DeploymentView("md", 2, RolloutStrategy.rollingUpdate(0, 5), 2)))
                .isEqualTo(2);
        assertThat(RolloutMath.maxUnavailable(new DeploymentView("md", 0, RolloutStrategy.rollingUpdate(0, 5), 0)))
                .isZero();
        assertThat(RolloutMath.maxUnavailable(new DeploymentView("md", 3, RolloutStrategy.onDelete(), 3))).isZero();
        assertThat(RolloutMath.maxSurge(new DeploymentView("md", 3, RolloutStrategy.onDelete(), 3))).isZero();
    }

    private static IntOrPercent bound(Object value) {
        return value instanceof Integer i ? IntOrPercent.of(i) : IntOrPercent.of((String) value);
    }
}
