package io.capj.infrastructure.dev.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Step delays: Go durations, and a jitter that is stable per machine and step and within bounds. */
class StartupDelayTest {

    @ParameterizedTest
    @CsvSource({"10s,10000", "500ms,500", "1m30s,90000", "1.5s,1500", "2h,7200000", "'',0", "0,0", "250us,0"})
    void parsesGoDurations(String text, long millis) {
        assertThat(StartupDelay.parseGoDuration(text).toMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "s", "1x", "1s2", "ten seconds"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> StartupDelay.parseGoDuration(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jitterIsStablePerMachineAndStepAndBounded() {
        ObjectNode backend = Json.object();
        backend.putObject("vm").putObject("provisioning").put("startupDuration", "10s").put("startupJitter", "0.2");
        for (int i = 0; i < 50; i++) {
            Duration delay = StartupDelay.of(backend, "vm", "uid-" + i);
            assertThat(delay).isEqualTo(StartupDelay.of(backend, "vm", "uid-" + i));
            assertThat(delay).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
        }
        assertThat(StartupDelay.of(backend, "node", "uid-1")).isEqualTo(Duration.ZERO);
    }
}
