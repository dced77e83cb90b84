package io.capj.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

    @ParameterizedTest(name = "{0} qps, burst {1}: reservation {2} waits {3} ms")
    @CsvSource({
        "10, 100, 1, 0", "10, 100, 100, 0", "10, 100, 101, 100", "10, 100, 110, 1000",
        "1000, 1, 1, 0", "1000, 1, 2, 1", "1000, 1, 11, 10"
    })
    void burstIsFreeThenTokensArriveAtTheRate(double qps, int burst, int reservation, long expectedMillis) {
        TokenBucket bucket = new TokenBucket(qps, burst, new FakeTicker());
        Duration wait = Duration.ZERO;
        for (int i = 0; i < reservation; i++) {
            wait = bucket.reserve();
        }
        assertThat(wait).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void refillsWithTimeButNeverAboveTheBurst() {
        FakeTicker ticker = new FakeTicker();
        TokenBucket bucket = new TokenBucket(10, 2, ticker);
        bucket.reserve();
        bucket.reserve();
        ticker.advance(Duration.ofHours(1));

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waits.add(bucket.reserve());
        }

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMillis(100));
    }

    @Test
    void combinedLimiterWaitsForTheLongerOfBackoffAndBucket() {
        FakeTicker ticker = new FakeTicker();
        RetryRateLimiter<String> limiter = RetryRateLimiter.of(Duration.ofMillis(5), Duration.ofSeconds(10), 1, 1,
                ticker);

        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5)); // bucket has its burst token
        assertThat(limiter.when("b")).isEqualTo(Duration.ofSeconds(1)); // bucket empty: 1 s at 1 qps
        ticker.advance(Duration.ofSeconds(100));
        for (int i = 0; i < 10; i++) {
            limiter.when("a");
        }
        assertThat(limiter.failures("a")).isEqualTo(11);
        limiter.forget("a");
        assertThat(limiter.failures("a")).isZero();
    }
}
