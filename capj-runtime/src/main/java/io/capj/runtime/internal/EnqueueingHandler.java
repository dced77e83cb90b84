package io.capj.runtime.internal;

import io.capj.runtime.Request;
import io.capj.runtime.Watch;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/**
 * Turns informer events of one watch into queued requests. Updates map both the old and the new object, so
 * that an ownerReference or label that moved away still wakes the object it used to point at.
 *
 * @param <T> the watched type
 */
final class EnqueueingHandler<T extends HasMetadata> implements ResourceEventHandler<T> {
    private final Watch<T> watch;
    private final WorkQueue<Request> queue;

    EnqueueingHandler(Watch<T> watch, WorkQueue<Request> queue) {
        this.watch = watch;
        this.queue = queue;
    }

    @Override
    public void onAdd(T object) {
        if (watch.filter().create(object)) {
            enqueue(object);
        }
    }

    @Override
    public void onUpdate(T oldObject, T newObject) {
        if (watch.filter().update(oldObject, newObject)) {
            enqueue(oldObject);
            enqueue(newObject);
        }
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
        if (watch.filter().delete(object)) {
            enqueue(object);
        }
    }

    private void enqueue(T object) {
        watch.mapper().map(object).forEach(queue::add);
    }
}
