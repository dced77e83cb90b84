package io.capj.bench.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 255, 256, 257, 1_000, 65_535, 1_000_000, 49_999_999, 1L << 40, Long.MAX_VALUE})
    void everyValueFallsInABucketThatContainsIt(long value) {
        int index = LatencyHistogram.index(value);
        long lower = LatencyHistogram.lowerBound(index);
        assertThat(lower).isLessThanOrEqualTo(value);
        if (index + 1 < LatencyHistogram.BUCKETS) {
            assertThat(value).isLessThan(LatencyHistogram.lowerBound(index + 1));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.0,1", "0.5,50", "0.9,90", "0.99,99", "1.0,100"})
    void smallValuesGiveExactNearestRankPercentiles(double quantile, long expected) {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertThat(h.valueAt(quantile)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9, 0.99, 0.999})
    void largeValuesAreWithinHalfAPercentOfTheExactPercentile(double quantile) {
        SplittableRandom random = new SplittableRandom(7);
        long[] samples = new long[50_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100_000 + (long) (Math.abs(random.nextGaussian()) * 20_000_000);
            h.record(samples[i]);
        }
        Arrays.sort(samples);
        long exact = samples[(int) Math.ceil(quantile * samples.length) - 1];
        assertThat((double) h.valueAt(quantile)).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    @Test
    void mergingKeepsCountsAndExtremes() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(5_000_000);
        b.record(7);
        b.record(90_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.min()).isEqualTo(7);
        assertThat(a.max()).isEqualTo(90_000_000);
        assertThat(a.valueAt(1.0)).isEqualTo(90_000_000);
        assertThat(a.mean()).isEqualTo((5_000_000 + 7 + 90_000_000) / 3.0);
    }

    @Test
    void emptyHistogramReportsZeroAndRejectsBadQuantiles() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.valueAt(0.99)).isZero();
        assertThat(h.min()).isZero();
        assertThatThrownBy(() -> h.valueAt(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
