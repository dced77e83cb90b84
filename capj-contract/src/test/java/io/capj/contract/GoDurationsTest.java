package io.capj.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0s, PT0S, 0s",
        "0, PT0S, 0s",
        "10s, PT10S, 10s",
        "90s, PT1M30S, 1m30s",
        "5m0s, PT5M, 5m0s",
        "1h, PT1H, 1h0m0s",
        "1h2m3.5s, PT1H2M3.5S, 1h2m3.5s",
        "1.5h, PT1H30M, 1h30m0s",
        "500ms, PT0.5S, 500ms",
        "-1m, PT-1M, -1m0s",
        "1m500ms, PT1M0.5S, 1m0.5s",
    })
    void parsesAndFormatsLikeGo(String text, String iso, String formatted) {
        Duration parsed = GoDurations.parse(text);

        assertThat(parsed).isEqualTo(Duration.parse(iso));
        assertThat(GoDurations.format(parsed)).isEqualTo(formatted);
        assertThat(GoDurations.parse(formatted)).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "1x", "1h 2m", ".s", "1d", "-"})
    void rejectsWhatGoRejects(String text) {
        assertThat(GoDurations.parse(text)).isNull();
    }
}
