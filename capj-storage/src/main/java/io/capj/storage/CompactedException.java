package io.capj.storage;

/** The requested revision is older than the retained history. */
public class CompactedException extends StoreException {
    private final long requested;
    private final long compacted;

    public CompactedException(long requested, long compacted) {
        super("required revision " + requested + " has been compacted (oldest available after " + compacted + ")");
        this.requested = requested;
        this.compacted = compacted;
    }

    public long requested() {
        return requested;
    }

    public long compacted() {
        return compacted;
    }
}
