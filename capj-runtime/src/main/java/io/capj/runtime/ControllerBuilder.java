package io.capj.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Wires a controller so it reads like a sentence:
 * {@code ControllerBuilder.forKind(machineSet).owns(machine).watches(cluster, toMachineSets).build(reconciler)}.
 * <ul>
 *   <li>{@link #forKind}: every event on the primary kind enqueues that object's own request;</li>
 *   <li>{@link #owns}: an event on the owned kind enqueues its controller owner (the ownerReference with
 *       {@code controller: true}) if that owner is of the primary kind;</li>
 *   <li>{@link #watches}: an event on any kind enqueues whatever the mapper returns.</li>
 * </ul>
 * The {@link #withEventFilter event filter} applies to every watch of the controller.
 */
public final class ControllerBuilder {
    private final ResourceKind<?> forKind;
    private final List<PendingWatch> pending = new ArrayList<>();
    private String name;
    private int concurrency = 1;
    private EventFilter filter = EventFilter.ALL;

    /** A watch whose filter is resolved at build time, so the filter may be set after the watch. */
    private record PendingWatch(ResourceKind<?> kind, RequestMapper<?> mapper, EventFilter filter) {
    }

    private ControllerBuilder(ResourceKind<?> forKind) {
        this.forKind = Objects.requireNonNull(forKind, "forKind");
        pending.add(new PendingWatch(forKind, (RequestMapper<HasMetadata>) o -> List.of(Request.of(o)), EventFilter.ALL));
    }

    /** Starts a controller whose requests name objects of {@code kind}. */
    public static ControllerBuilder forKind(ResourceKind<?> kind) {
        return new ControllerBuilder(kind);
    }

    /** Enqueues the controller owner (of the primary kind) of every changed {@code kind} object. */
    public ControllerBuilder owns(ResourceKind<?> kind) {
        pending.add(new PendingWatch(kind, (RequestMapper<HasMetadata>) this::controllerOwner, EventFilter.ALL));
        return this;
    }

    /** Enqueues whatever {@code mapper} returns for every changed {@code kind} object. */
    public <T extends HasMetadata> ControllerBuilder watches(ResourceKind<T> kind, RequestMapper<? super T> mapper) {
        return watches(kind, mapper, EventFilter.ALL);
    }

    /**
     * Enqueues whatever {@code mapper} returns for the {@code kind} events {@code filter} passes (on top of the
     * controller's own filter): for example only the Cluster changes its Machines care about, so a busy
     * Cluster does not wake every Machine on each status write.
     */
    public <T extends HasMetadata> ControllerBuilder watches(ResourceKind<T> kind, RequestMapper<? super T> mapper,
                                                             EventFilter filter) {
        pending.add(new PendingWatch(kind, mapper, Objects.requireNonNull(filter, "filter")));
        return this;
    }

    /** Names the controller (metrics, logs, queue); defaults to the primary kind in lower case. */
    public ControllerBuilder named(String controllerName) {
        this.name = controllerName;
        return this;
    }

    /** Allows {@code workers} keys to be reconciled in parallel; defaults to 1 so reconcilers need no locks. */
    public ControllerBuilder withConcurrency(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + workers);
        }
        this.concurrency = workers;
        return this;
    }

    /** Filters events of every watch, for example {@link EventFilter#resourceVersionChanged()}. */
    public ControllerBuilder withEventFilter(EventFilter eventFilter) {
        this.filter = Objects.requireNonNull(eventFilter, "eventFilter");
        return this;
    }

    /** Completes the wiring with the reconciler that converges each request. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Controller build(Reconciler reconciler) {
        Objects.requireNonNull(reconciler, "reconciler");
        List<Watch<?>> watches = new ArrayList<>();
        for (PendingWatch p : pending) {
            watches.add(new Watch(p.kind(), p.mapper(), p.filter() == EventFilter.ALL ? filter : filter.and(p.filter())));
        }
        String controllerName = name != null ? name : forKind.kind().toLowerCase(Locale.ROOT);
        return new Controller(controllerName, forKind, watches, concurrency, reconciler);
    }

    private List<Request> controllerOwner(HasMetadata object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        if (refs == null) {
            return List.of();
        }
        String namespace = forKind.namespaced() ? object.getMetadata().getNamespace() : "";
        return refs.stream()
                .filter(r -> Boolean.TRUE.equals(r.getController()))
                .filter(r -> forKind.matches(r.getApiVersion(), r.getKind()))
                .map(r -> new Request(namespace, r.getName()))
                .toList();
    }
}
