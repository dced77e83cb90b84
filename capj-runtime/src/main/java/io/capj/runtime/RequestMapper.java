package io.capj.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;

/**
 * Maps an object of a watched kind to the requests of the controller's primary kind that must be reconciled
 * because of it (for example a Cluster to all its Machines). It reads only the object and the cache; it must
 * not call the API server, because it runs on the informer's event thread.
 *
 * @param <T> the watched type
 */
@FunctionalInterface
public interface RequestMapper<T extends HasMetadata> {
    Collection<Request> map(T object);
}
