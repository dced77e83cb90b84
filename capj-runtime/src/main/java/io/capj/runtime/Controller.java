package io.capj.runtime;

import java.util.List;

/**
 * A controller as wired by {@link ControllerBuilder}: a name (metric and log label), the primary kind, its
 * watches, the number of concurrent workers and the reconciler. Add it to a {@link Manager}, which runs it
 * while it holds leadership.
 */
public final class Controller {
    private final String name;
    private final ResourceKind<?> forKind;
    private final List<Watch<?>> watches;
    private final int concurrency;
    private final Reconciler reconciler;

    Controller(String name, ResourceKind<?> forKind, List<Watch<?>> watches, int concurrency, Reconciler reconciler) {
        this.name = name;
        this.forKind = forKind;
        this.watches = List.copyOf(watches);
        this.concurrency = concurrency;
        this.reconciler = reconciler;
    }

    public String name() {
        return name;
    }

    /** The primary kind whose objects the requests name. */
    public ResourceKind<?> forKind() {
        return forKind;
    }

    public List<Watch<?>> watches() {
        return watches;
    }

    /** How many keys may be reconciled in parallel (never the same key twice). */
    public int concurrency() {
        return concurrency;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    @Override
    public String toString() {
        return "Controller[" + name + ", for " + forKind + "]";
    }
}
