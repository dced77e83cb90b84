package io.capj.storage;

/**
 * One version of a key: its value and the revisions that created and last modified it.
 * Values are opaque bytes to the store (the API server stores JSON).
 *
 * <p>The {@code value} array of a KeyValue returned by a store is the store's own copy, shared with every
 * other reader: callers must not modify it.
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {
}
