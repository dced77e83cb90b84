package io.capj.apiserver.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    /** Cases from apimachinery's duration_test.go boundaries, in milliseconds. */
    @ParameterizedTest(name = "[{index}] {0}ms -> {1}")
    @CsvSource({
            "-2000, <invalid>",
            "-1999, 0s",
            "-1000, 0s",
            "0, 0s",
            "999, 0s",
            "1000, 1s",
            "119999, 119s",
            "120000, 2m",
            "121000, 2m1s",
            "599000, 9m59s",
            "600000, 10m",
            "10799000, 179m",
            "10800000, 3h",
            "10860000, 3h1m",
            "28799000, 7h59m",
            "28800000, 8h",
            "172799000, 47h",
            "172800000, 2d",
            "176400000, 2d1h",
            "691199000, 7d23h",
            "691200000, 8d",
            "63071999000, 729d",
            "63072000000, 2y",
            "63158400000, 2y1d",
            "252287999000, 7y364d",
            "252288000000, 8y",
            "3153600000000, 100y",
    })
    void formats(long millis, String expected) {
        assertThat(HumanDuration.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void sinceMeasuresFromThenToNow() {
        Instant now = Instant.parse("2026-11-24T06:10:00Z");
        assertThat(HumanDuration.since(Instant.parse("2026-11-24T06:05:00Z"), now)).isEqualTo("5m");
        assertThat(HumanDuration.since(Instant.parse("2026-11-24T06:10:05Z"), now)).isEqualTo("<invalid>");
    }
}
