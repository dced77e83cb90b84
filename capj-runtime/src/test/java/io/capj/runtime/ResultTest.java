package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultTest {

    static Stream<Arguments> combinations() {
        Result done = Result.done();
        Result requeue = Result.requeue();
        Result in5 = Result.requeueAfter(Duration.ofSeconds(5));
        Result in9 = Result.requeueAfter(Duration.ofSeconds(9));
        return Stream.of(
                Arguments.of(done, done, done),
                Arguments.of(done, in5, in5),
                Arguments.of(in9, done, in9),
                Arguments.of(in9, in5, in5),
                Arguments.of(in5, in9, in5),
                Arguments.of(in5, requeue, requeue),
                Arguments.of(requeue, done, requeue),
                Arguments.of(Result.requeueAfter(Duration.ZERO), in5, in5));
    }

    @ParameterizedTest(name = "{0} min {1} = {2}")
    @MethodSource("combinations")
    void theMoreUrgentResultWins(Result a, Result b, Result expected) {
        assertThat(a.min(b)).isEqualTo(expected);
    }
}
