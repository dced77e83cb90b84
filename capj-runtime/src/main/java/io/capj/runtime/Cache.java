package io.capj.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read access to the shared informer cache: one informer per kind, shared by every controller of a
 * {@link Manager}, started the first time a kind is asked for. Reads never hit the API server, so they may
 * be stale; reconcilers tolerate that by being level-based and by giving children deterministic names.
 * Returned objects are the cache's own instances: copy before mutating.
 */
public interface Cache {
    /** Index of every object by the uids of its ownerReferences; registered for every kind. */
    String OWNER_UID_INDEX = "capj.io/owner-uid";

    /** The object {@code namespace/name} (namespace ignored for cluster-scoped kinds), if cached. */
    <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name);

    /**
     * Objects of {@code kind} in {@code namespace} ({@code null} or empty for all) whose labels contain every
     * entry of {@code labels} (an equality selector; empty matches all).
     */
    <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace, Map<String, String> labels);

    /** Adds a named index on {@code kind}; existing objects are indexed at once. */
    <T extends HasMetadata> void addIndex(ResourceKind<T> kind, String indexName, Function<T, List<String>> indexFunc);

    /** Objects of {@code kind} whose index {@code indexName} contains {@code value}. */
    <T extends HasMetadata> List<T> byIndex(ResourceKind<T> kind, String indexName, String value);

    /** Waits up to {@code timeout} until every started informer has listed its kind once. */
    boolean waitForSync(Duration timeout);
}
