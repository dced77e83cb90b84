package io.capj.storage;

/**
 * One version of a key: its value and the revisions that created and last modified it.
 * Values are opaque bytes to the store (the API server stores JSON).
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {
}
