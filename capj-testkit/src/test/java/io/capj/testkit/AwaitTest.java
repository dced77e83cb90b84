package io.capj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsTheFirstAcceptedValue() {
        AtomicInteger calls = new AtomicInteger();

        int value = Await.until(Duration.ofSeconds(5), calls::incrementAndGet, n -> n >= 3, "three calls");

        assertThat(value).isEqualTo(3);
    }

    @Test
    void treatsAThrowingProbeAsNotYet() {
        AtomicInteger calls = new AtomicInteger();

        Await.until(Duration.ofSeconds(5), () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not ready");
            }
            return true;
        }, "the probe stops throwing");

        assertThat(calls).hasValue(3);
    }

    @Test
    void timesOutNamingTheConditionAndTheLastValue() {
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(100), () -> "red", "green"::equals, "the light is green"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 0.1s waiting until the light is green; last value: red");
    }

    @Test
    void keepsTheLastFailureAsCause() {
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> Await.until(Duration.ofMillis(50), () -> {
            throw failure;
        }, "it works"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("last attempt failed: java.lang.IllegalStateException: boom")
                .hasCause(failure);
    }
}
