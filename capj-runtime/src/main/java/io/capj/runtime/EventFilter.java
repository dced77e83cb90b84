package io.capj.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * Decides which informer events may enqueue requests. Filters only save work: a reconciler must stay
 * correct if every event passes, because filtering is an optimisation, never a source of truth.
 */
public interface EventFilter {

    /** Passes every event. */
    EventFilter ALL = new EventFilter() { };

    default boolean create(HasMetadata object) {
        return true;
    }

    default boolean update(HasMetadata oldObject, HasMetadata newObject) {
        return true;
    }

    default boolean delete(HasMetadata object) {
        return true;
    }

    /** Drops resync-only updates, where the informer re-delivers an unchanged resourceVersion. */
    static EventFilter resourceVersionChanged() {
        return new EventFilter() {
            @Override
            public boolean update(HasMetadata oldObject, HasMetadata newObject) {
                return !Objects.equals(oldObject.getMetadata().getResourceVersion(),
                        newObject.getMetadata().getResourceVersion());
            }
        };
    }

    /** Drops updates that did not change {@code metadata.generation} (status-only or metadata-only writes). */
    static EventFilter generationChanged() {
        return new EventFilter() {
            @Override
            public boolean update(HasMetadata oldObject, HasMetadata newObject) {
                return !Objects.equals(oldObject.getMetadata().getGeneration(),
                        newObject.getMetadata().getGeneration());
            }
        };
    }

    /** Passes an event only when this filter and {@code other} both pass it. */
    default EventFilter and(EventFilter other) {
        EventFilter self = this;
        return new EventFilter() {
            @Override
            public boolean create(HasMetadata object) {
                return self.create(object) && other.create(object);
            }

            @Override
            public boolean update(HasMetadata oldObject, HasMetadata newObject) {
                return self.update(oldObject, newObject) && other.update(oldObject, newObject);
            }

            @Override
            public boolean delete(HasMetadata object) {
                return self.delete(object) && other.delete(object);
            }
        };
    }
}
