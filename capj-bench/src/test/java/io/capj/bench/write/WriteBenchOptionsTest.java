package io.capj.bench.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.bench.write.WriteBenchOptions.HttpClientMode;
import io.capj.bench.write.WriteBenchOptions.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteBenchOptionsTest {

    @ParameterizedTest
    @CsvSource({"20s,20000", "500ms,500", "2m,120000", "7,7000"})
    void durationsAcceptUnits(String text, long millis) {
        assertThat(WriteBenchOptions.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void flagsOverrideDefaults() {
        WriteBenchOptions o = WriteBenchOptions.parse("--clients", "1,16,64", "--count", "5000", "--warmup", "2s",
                "--store", "memory", "--out", "x.json", "--http-clients", "shared", "--body-bytes", "4096");
        assertThat(o.clients()).containsExactly(1, 16, 64);
        assertThat(o.count()).isEqualTo(5000);
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.store()).isEqualTo(StoreKind.MEMORY);
        assertThat(o.out()).isEqualTo(Path.of("x.json"));
        assertThat(o.httpClients()).isEqualTo(HttpClientMode.SHARED);
        assertThat(o.bodyBytes()).isEqualTo(4096);
    }

    @Test
    void defaultsAreSixtyFourClientsForTwentySecondsOnSqlite() {
        WriteBenchOptions o = WriteBenchOptions.parse();
        assertThat(o.clients()).isEqualTo(List.of(64));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.count()).isZero();
        assertThat(o.store()).isEqualTo(StoreKind.SQLITE);
        assertThat(o.store().url(Path.of("/d"))).isEqualTo("sqlite:///d/state.db");
        assertThat(o.httpClients()).isEqualTo(HttpClientMode.PER_CLIENT);
    }

    @Test
    void durationAfterCountSwitchesBackToATimedWindow() {
        assertThat(WriteBenchOptions.parse("--count", "10", "--duration", "3s").count()).isZero();
    }

    @Test
    void rejectsUnknownFlagsMissingValuesAndZeroClients() {
        assertThatThrownBy(() -> WriteBenchOptions.parse("--bogus", "1")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> WriteBenchOptions.parse("--clients")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> WriteBenchOptions.parse("--clients", "0")).hasMessageContaining("at least 1");
    }
}
