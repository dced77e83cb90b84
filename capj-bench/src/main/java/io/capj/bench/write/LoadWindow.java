package io.capj.bench.write;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a create counts. All clients are released together at {@code start}; the warmup runs until
 * {@code start + warmup} and is never measured. Then either
 * <ul>
 *   <li>a wall-clock window of fixed length: a create is measured when it <em>completes</em> inside the
 *       window, clients issue nothing after it ends, and throughput is measured creates / window length; or</li>
 *   <li>a fixed count: the first {@code count} creates <em>issued</em> after the warmup are measured, and the
 *       window ends when the last of them completes.</li>
 * </ul>
 * Thread-safe: one instance is shared by all clients.
 */
public final class LoadWindow {
    private final long measureStart;
    private final long measureEnd;
    private final AtomicLong ticketsLeft;

    private LoadWindow(long measureStart, long measureEnd, long count) {
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
        this.ticketsLeft = count > 0 ? new AtomicLong(count) : null;
    }

    /** A window of {@code duration} after {@code warmup}, both from {@code startNanos}. */
    public static LoadWindow timed(long startNanos, Duration warmup, Duration duration) {
        long begin = startNanos + warmup.toNanos();
        return new LoadWindow(begin, begin + duration.toNanos(), 0);
    }

    /** {@code count} measured creates after {@code warmup} from {@code startNanos}. */
    public static LoadWindow counted(long startNanos, Duration warmup, long count) {
        return new LoadWindow(startNanos + warmup.toNanos(), Long.MAX_VALUE, count);
    }

    public boolean isCounted() {
        return ticketsLeft != null;
    }

    public long measureStartNanos() {
        return measureStart;
    }

    /** The end of a timed window; meaningless for a counted one. */
    public long measureEndNanos() {
        return measureEnd;
    }

    /**
     * Called by a client before it issues a create at {@code now}: {@link Admission#STOP} when it must
     * issue no more, otherwise whether this create is counted (always {@link Admission#UNDECIDED} for a
     * timed window, which decides at completion).
     */
    public Admission admit(long now) {
        if (ticketsLeft == null) {
            return now - measureEnd >= 0 ? Admission.STOP : Admission.UNDECIDED;
        }
        if (now - measureStart < 0) {
            return Admission.WARMUP;
        }
        return ticketsLeft.getAndDecrement() > 0 ? Admission.MEASURED : Admission.STOP;
    }

    /** Whether a create admitted as {@code admission} that completed at {@code completedAt} is measured. */
    public boolean measured(Admission admission, long completedAt) {
        if (admission == Admission.UNDECIDED) {
            return completedAt - measureStart >= 0 && completedAt - measureEnd < 0;
        }
        return admission == Admission.MEASURED;
    }

    /** The outcome of {@link #admit(long)}. */
    public enum Admission {
        STOP, WARMUP, MEASURED, UNDECIDED
    }
}
