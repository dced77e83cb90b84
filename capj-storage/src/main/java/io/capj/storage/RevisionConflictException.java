package io.capj.storage;

/** An update or delete expected a mod revision the key no longer has; {@code current} is null if the key is gone. */
public class RevisionConflictException extends StoreException {
    private final String key;
    private final transient KeyValue current;

    public RevisionConflictException(String key, long expected, KeyValue current) {
        super("revision conflict on " + key + ": expected " + expected + ", found "
                + (current == null ? "no key" : String.valueOf(current.modRevision())));
        this.key = key;
        this.current = current;
    }

    public String key() {
        return key;
    }

    public KeyValue current() {
        return current;
    }
}
