package io.capj.bench.write;

import io.capj.storage.sqlite.SqliteRawInsertRate;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The ceiling the API's create rate is compared against, measured in the same process on the same disk:
 * {@link SqliteRawInsertRate} (durable WAL, {@code synchronous=FULL}, group commit, same thread count, same
 * value size, a fresh scratch file). It takes a number of rows, not a duration, so a short calibration
 * pass (which also warms the JIT) sizes the real pass to last about {@code target}.
 */
public final class RawStoreBaseline {
    private static final int MIN_CALIBRATION_ROWS = 2_000;
    private static final long MAX_ROWS = 5_000_000;

    private RawStoreBaseline() {
    }

    /** The measured baseline and the calibration pass before it. */
    public record Measurement(SqliteRawInsertRate.Result result, double calibrationRowsPerSecond) {
        public double rowsPerSecond() {
            return result.rowsPerSecond();
        }
    }

    /** Measures with {@code threads} threads and {@code valueBytes}-byte rows, for about {@code target}. */
    public static Measurement measure(Path scratchDir, int threads, Duration target, int valueBytes) {
        int calibrationRows = Math.max(MIN_CALIBRATION_ROWS, threads * 20);
        double calibration = SqliteRawInsertRate.measure(scratchDir, threads, calibrationRows, valueBytes)
                .rowsPerSecond();
        long rows = Math.round(calibration * target.toMillis() / 1000.0);
        int sized = (int) Math.max(threads, Math.min(MAX_ROWS, rows));
        return new Measurement(SqliteRawInsertRate.measure(scratchDir, threads, sized, valueBytes), calibration);
    }
}
