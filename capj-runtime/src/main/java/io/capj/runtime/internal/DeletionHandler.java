package io.capj.runtime.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * An informer handler that reacts only to deletions, for per-object state that must not outlive its object
 * (workload cluster connections).
 *
 * @param <T> the watched type
 */
public final class DeletionHandler<T extends HasMetadata> implements ResourceEventHandler<T> {
    private final Consumer<? super T> onDeleted;

    public DeletionHandler(Consumer<? super T> onDeleted) {
        this.onDeleted = onDeleted;
    }

    @Override
    public void onAdd(T object) {
        // creations and updates carry nothing to release
    }

    @Override
    public void onUpdate(T oldObject, T newObject) {
        // creations and updates carry nothing to release
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
        onDeleted.accept(object);
    }
}
