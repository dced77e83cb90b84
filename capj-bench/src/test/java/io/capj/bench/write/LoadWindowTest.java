package io.capj.bench.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.bench.write.LoadWindow.Admission;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadWindowTest {
    private static final long S = 1_000_000_000L;

    @ParameterizedTest
    @CsvSource({"4, false", "5, true", "14, true", "15, false"})
    void timedWindowMeasuresCompletionsInsideIt(long completedSecond, boolean measured) {
        LoadWindow w = LoadWindow.timed(0, Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(w.measured(Admission.UNDECIDED, completedSecond * S)).isEqualTo(measured);
    }

    @Test
    void timedWindowStopsIssuingAtItsEnd() {
        LoadWindow w = LoadWindow.timed(0, Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(w.admit(14 * S)).isEqualTo(Admission.UNDECIDED);
        assertThat(w.admit(15 * S)).isEqualTo(Admission.STOP);
    }

    @Test
    void countedWindowHandsOutExactlyCountTicketsAfterWarmup() {
        LoadWindow w = LoadWindow.counted(0, Duration.ofSeconds(1), 2);
        assertThat(w.admit(S / 2)).isEqualTo(Admission.WARMUP);
        assertThat(w.admit(S)).isEqualTo(Admission.MEASURED);
        assertThat(w.admit(2 * S)).isEqualTo(Admission.MEASURED);
        assertThat(w.admit(3 * S)).isEqualTo(Admission.STOP);
        assertThat(w.measured(Admission.WARMUP, 5 * S)).isFalse();
        assertThat(w.measured(Admission.MEASURED, 5 * S)).isTrue();
    }
}
