package io.capj.storage;

/** A create found the key already live. */
public class KeyExistsException extends StoreException {
    private final transient KeyValue current;

    public KeyExistsException(KeyValue current) {
        super("key already exists: " + current.key());
        this.current = current;
    }

    public KeyValue current() {
        return current;
    }
}
