package io.capj.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * The key a reconciler is asked to converge: namespace and name only, never the event that caused it,
 * because reconciliation is level-based. {@code namespace} is empty for cluster-scoped objects.
 */
public record Request(String namespace, String name) {

    public Request {
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
    }

    /** The request that reconciles {@code object} itself. */
    public static Request of(HasMetadata object) {
        return new Request(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
