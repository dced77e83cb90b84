package io.capj.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemBackoffTest {

    @ParameterizedTest(name = "failure {0} waits {1} ms")
    @CsvSource({
        "1, 5", "2, 10", "3, 20", "4, 40", "10, 2560", "18, 655360", "19, 1000000", "30, 1000000", "100, 1000000"
    })
    void doublesFromFiveMillisecondsUpToTheCap(int failures, long expectedMillis) {
        ItemBackoff<String> backoff = new ItemBackoff<>(ItemBackoff.DEFAULT_BASE, ItemBackoff.DEFAULT_MAX);
        Duration last = null;
        for (int i = 0; i < failures; i++) {
            last = backoff.next("k");
        }
        assertThat(last).isEqualTo(Duration.ofMillis(expectedMillis));
        assertThat(backoff.failures("k")).isEqualTo(failures);
    }

    @Test
    void keysBackOffIndependentlyAndForgetResets() {
        ItemBackoff<String> backoff = new ItemBackoff<>(Duration.ofMillis(5), Duration.ofSeconds(1));
        backoff.next("a");
        backoff.next("a");
        assertThat(backoff.next("b")).isEqualTo(Duration.ofMillis(5));
        assertThat(backoff.next("a")).isEqualTo(Duration.ofMillis(20));

        backoff.forget("a");

        assertThat(backoff.failures("a")).isZero();
        assertThat(backoff.next("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void rejectsAMaxBelowTheBase() {
        assertThatThrownBy(() -> new ItemBackoff<>(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
