package io.capj.e2e.clients;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** What a fabric8 informer delivered to its handler, in order, for assertions after the fact. */
final class RecordedEvents<T extends HasMetadata> implements ResourceEventHandler<T> {
    /** One update as the handler saw it: the cached object before and the new one. */
    record Update<T>(T before, T after) {
    }

    /** One deletion; {@code finalStateUnknown} is true when the informer inferred it from a relist. */
    record Delete<T>(T object, boolean finalStateUnknown) {
    }

    final List<T> added = new CopyOnWriteArrayList<>();
    final List<Update<T>> updated = new CopyOnWriteArrayList<>();
    final List<Delete<T>> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void onAdd(T obj) {
        added.add(obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        updated.add(new Update<>(oldObj, newObj));
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        deleted.add(new Delete<>(obj, deletedFinalStateUnknown));
    }

    List<String> addedNames() {
        return added.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toList());
    }

    List<String> deletedNames() {
        return deleted.stream().map(d -> d.object().getMetadata().getName()).collect(Collectors.toList());
    }
}
