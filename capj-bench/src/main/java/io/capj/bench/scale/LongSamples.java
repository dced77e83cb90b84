package io.capj.bench.scale;

import java.util.Arrays;

/** A growable array of longs, safe for concurrent adds. */
final class LongSamples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    synchronized long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
