package io.capj.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private final FakeTicker ticker = new FakeTicker();
    private final WorkQueue<String> queue = new WorkQueue<>(ticker,
            RetryRateLimiter.of(Duration.ofMillis(5), Duration.ofSeconds(1000), 1_000_000, 1_000_000, ticker));

    @Test
    void deduplicatesKeysWaitingInTheQueue() {
        queue.add("a");
        queue.add("b");
        queue.add("a");

        assertThat(queue.depth()).isEqualTo(2);
        assertThat(drain()).containsExactly("a", "b");
    }

    @Test
    void keyAddedWhileProcessingIsParkedAndQueuedOnceAfterDone() {
        queue.add("a");
        String taken = queue.poll();
        queue.add("a");
        queue.add("a");

        assertThat(queue.poll()).as("never handed to a second worker").isNull();
        queue.done(taken);

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void delayedKeysBecomeReadyAtTheirDeadlineInOrder() {
        queue.addAfter("late", Duration.ofSeconds(10));
        queue.addAfter("early", Duration.ofSeconds(5));

        assertThat(queue.poll()).isNull();
        ticker.advance(Duration.ofSeconds(5));
        assertThat(drain()).containsExactly("early");
        ticker.advance(Duration.ofSeconds(5));
        assertThat(drain()).containsExactly("late");
    }

    @Test
    void anEarlierDeadlineReplacesALaterOneAndAKeyFiresOnce() {
        queue.addAfter("a", Duration.ofSeconds(60));
        queue.addAfter("a", Duration.ofSeconds(1));
        queue.addAfter("a", Duration.ofSeconds(30));

        ticker.advance(Duration.ofSeconds(1));
        assertThat(drain()).containsExactly("a");
        ticker.advance(Duration.ofSeconds(120));
        assertThat(drain()).isEmpty();
        assertThat(queue.delayed()).isZero();
    }

    @Test
    void rateLimitedRetriesBackOffExponentiallyUntilForgotten() {
        List<Duration> readyAfter = new ArrayList<>();
        for (int failure = 0; failure < 4; failure++) {
            queue.addRateLimited("a");
            readyAfter.add(waitUntilTaken("a"));
        }
        queue.forget("a");
        queue.addRateLimited("a");

        assertThat(readyAfter).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(40));
        assertThat(waitUntilTaken("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void shutDownStopsHandingOutKeysAndUnblocksTake() throws InterruptedException {
        queue.add("a");
        queue.shutDown();
        queue.add("b");

        assertThat(queue.take()).isNull();
    }

    /** Property: whatever the interleaving, a key is never processed twice at once and no add is lost. */
    @RepeatedTest(20)
    void randomInterleavingsNeverProcessAKeyConcurrentlyNorLoseAnAdd(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        List<String> inFlight = new ArrayList<>();
        boolean[] pendingAfterDone = new boolean[3];
        for (int step = 0; step < 500; step++) {
            int op = random.nextInt(3);
            String key = "k" + random.nextInt(3);
            if (op == 0) {
                queue.add(key);
                if (inFlight.contains(key)) {
                    pendingAfterDone[key.charAt(1) - '0'] = true;
                }
            } else if (op == 1) {
                String taken = queue.poll();
                if (taken != null) {
                    assertThat(inFlight).doesNotContain(taken);
                    inFlight.add(taken);
                }
            } else if (!inFlight.isEmpty()) {
                String done = inFlight.remove(random.nextInt(inFlight.size()));
                queue.done(done);
                int index = done.charAt(1) - '0';
                if (pendingAfterDone[index]) {
                    assertThat(queue.depth()).isPositive();
                    pendingAfterDone[index] = false;
                }
            }
        }
    }

    /** Advances the clock in 1 ms steps until {@code expected} is handed out; returns the time waited. */
    private Duration waitUntilTaken(String expected) {
        Duration waited = Duration.ZERO;
        String key;
        while ((key = queue.poll()) == null) {
            assertThat(waited).isLessThan(Duration.ofHours(1));
            ticker.advance(Duration.ofMillis(1));
            waited = waited.plusMillis(1);
        }
        assertThat(key).isEqualTo(expected);
        queue.done(key);
        return waited;
    }

    private List<String> drain() {
        List<String> keys = new ArrayList<>();
        String key;
        while ((key = queue.poll()) != null) {
            keys.add(key);
            queue.done(key);
        }
        return keys;
    }
}
