package io.capj.storage;

/** The requested revision is newer than anything written. */
public class FutureRevisionException extends StoreException {
    private final long requested;
    private final long current;

    public FutureRevisionException(long requested, long current) {
        super("required revision " + requested + " is in the future (current " + current + ")");
        this.requested = requested;
        this.current = current;
    }

    public long requested() {
        return requested;
    }

    public long current() {
        return current;
    }
}
