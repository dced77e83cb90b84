package io.capj.storage.internal;

/**
 * One durable write as a journal stores it, shaped like kine's log table: the key, whether the row created
 * or deleted it, its create revision, the revision it replaced ({@code prevRevision}, 0 if none) and the
 * value (null for deletions, whose value is the replaced row's).
 *
 * <p>The value array is shared with the in-memory index; journals must not modify it.
 */
public record LogRow(long revision, String key, boolean created, boolean deleted, long createRevision,
                     long prevRevision, byte[] value) {
}
