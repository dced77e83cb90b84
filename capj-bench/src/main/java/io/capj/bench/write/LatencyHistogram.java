package io.capj.bench.write;

/**
 * A log-linear histogram of latencies in nanoseconds, in the manner of HdrHistogram: values below 256 ns
 * are counted exactly, larger ones in 128 linear buckets per power of two, so a reported percentile is
 * within 0.4% of the true sample (bucket midpoint, half a bucket of 1/128). Min, max, count and sum are
 * exact. Recording is allocation-free and O(1); one instance per thread, merged afterwards, because it is
 * not thread-safe.
 */
public final class LatencyHistogram {
    private static final int EXACT_LIMIT = 256;
    private static final int SUB_BUCKETS = 128;
    private static final int SUB_BUCKET_BITS = 7;
    static final int BUCKETS = EXACT_LIMIT + (63 - 8) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Counts one latency; negative values are recorded as 0. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds every sample of {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return count;
    }

    /** Exact largest sample, 0 when empty. */
    public long max() {
        return max;
    }

    /** Exact smallest sample, 0 when empty. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The nearest-rank percentile: the sample at rank ⌈q·count⌉, reported as its bucket's midpoint, clamped
     * to [min, max] (the first and last ranks are the exact min and max). {@code quantile} is in [0, 1];
     * 0 when empty.
     */
    public long valueAt(double quantile) {
        if (quantile < 0 || quantile > 1) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * count));
        if (rank == count) {
            return max;
        }
        if (rank == 1) {
            return min;
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, Math.max(min(), midpoint(i)));
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < EXACT_LIMIT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BUCKET_BITS;
        int subBucket = (int) (value >>> shift) - SUB_BUCKETS;
        return EXACT_LIMIT + (exponent - 8) * SUB_BUCKETS + subBucket;
    }

    static long lowerBound(int index) {
        if (index < EXACT_LIMIT) {
            return index;
        }
        int exponent = (index - EXACT_LIMIT) / SUB_BUCKETS + 8;
        int subBucket = (index - EXACT_LIMIT) % SUB_BUCKETS;
        return (long) (SUB_BUCKETS + subBucket) << (exponent - SUB_BUCKET_BITS);
    }

    private static long midpoint(int index) {
        if (index < EXACT_LIMIT) {
            return index;
        }
        int exponent = (index - EXACT_LIMIT) / SUB_BUCKETS + 8;
        long width = 1L << (exponent - SUB_BUCKET_BITS);
        return lowerBound(index) + width / 2;
    }
}
