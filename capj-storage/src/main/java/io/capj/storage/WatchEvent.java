package io.capj.storage;

/**
 * One change seen by a watch. For {@link Type#PUT}, {@code kv} is the new version and {@code prevKv} the
 * previous one (null on create). For {@link Type#DELETE}, {@code kv} carries the deletion revision as its
 * mod revision and the last value, and {@code prevKv} is the version that was deleted.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {

    public enum Type { PUT, DELETE }

    public long revision() {
        return kv.modRevision();
    }

    public boolean isCreate() {
        return type == Type.PUT && prevKv == null;
    }
}
