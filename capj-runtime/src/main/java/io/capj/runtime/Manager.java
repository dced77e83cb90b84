package io.capj.runtime;

import io.capj.runtime.internal.ControllerRunner;
import io.capj.runtime.internal.DeletionHandler;
import io.capj.runtime.internal.InformerCache;
import io.capj.runtime.internal.LeaseElection;
import io.capj.runtime.internal.RetryRateLimiter;
import io.capj.runtime.internal.Ticker;
import io.capj.runtime.internal.WorkQueue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns what controllers share: the client, the informer {@link Cache}, the reconcile metrics, and the
 * lifecycle. {@link #start()} starts the informers, waits until they have listed, then runs the controllers:
 * at once, or, with {@link Builder#leaderElection leader election}, only while this process holds the Lease.
 * Informers run on standbys too, so a new leader starts with a warm cache.
 *
 * <pre>{@code
 * try (Manager manager = Manager.builder(client).build()) {
 *     manager.add(ControllerBuilder.forKind(ResourceKind.of(ConfigMap.class)).build(reconciler));
 *     manager.start();
 * }
 * }</pre>
 */
public final class Manager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Manager.class);

    private final KubernetesClient client;
    private final Builder settings;
    private final InformerCache cache;
    private final ReconcileMetrics metrics = new ReconcileMetrics();
    private final EventRecorder events;
    private final List<ControllerRunner> runners = new CopyOnWriteArrayList<>();
    private LeaseElection election;
    private volatile boolean started;
    private volatile boolean synced;
    private volatile boolean closed;

    private Manager(Builder settings) {
        this.client = settings.client;
        this.settings = settings;
        this.cache = new InformerCache(client, settings.syncTimeout);
        this.events = new EventRecorder(client, settings.component);
    }

    /** A manager over {@code client}; the caller keeps ownership of the client. */
    public static Builder builder(KubernetesClient client) {
        return new Builder(client);
    }

    public KubernetesClient client() {
        return client;
    }

    public Cache cache() {
        return cache;
    }

    public ReconcileMetrics metrics() {
        return metrics;
    }

    /** Records Kubernetes Events as this manager's component (default {@code capj-controller-manager}). */
    public EventRecorder events() {
        return events;
    }

    /** Registers a controller; must be called before {@link #start()}. */
    public synchronized Manager add(Controller controller) {
        if (started) {
            throw new IllegalStateException("add controllers before Manager.start(): " + controller);
        }
        WorkQueue<Request> queue = new WorkQueue<>(Ticker.SYSTEM, RetryRateLimiter.of(settings.backoffBase,
                settings.backoffMax, settings.retryQps, settings.retryBurst, Ticker.SYSTEM));
        ControllerRunner runner = new ControllerRunner(controller, queue, metrics);
        runner.registerWatches(cache);
        runners.add(runner);
        return this;
    }

    /**
     * Makes controller {@code controllerName} also watch {@code kind} through {@code mapper}, at any time (also
     * after {@link #start()}): the way to follow provider kinds discovered at run time from an object's
     * references. Idempotent per controller and kind, so a reconciler may call it on every pass.
     *
     * @return whether a new watch was added
     */
    public <T extends HasMetadata> boolean ensureWatch(String controllerName, ResourceKind<T> kind,
            RequestMapper<? super T> mapper) {
        ControllerRunner runner = runners.stream().filter(r -> r.name().equals(controllerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no controller named " + controllerName));
        return runner.addWatch(cache, new Watch<>(kind, mapper, EventFilter.ALL));
    }

    /**
     * Queues {@code request} for controller {@code controllerName}: the hook through which watches on caches
     * other than this manager's (workload clusters, see {@link RemoteClusters#watch}) feed a controller.
     */
    void enqueue(String controllerName, Request request) {
        runners.stream().filter(r -> r.name().equals(controllerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no controller named " + controllerName))
                .enqueue(request);
    }

    /**
     * Runs {@code action} whenever an object of {@code kind} is deleted (for example to drop per-object state
     * such as a workload cluster connection). Runs on the informer thread, so it must be quick.
     */
    public <T extends HasMetadata> void onDelete(ResourceKind<T> kind, Consumer<? super T> action) {
        cache.addHandler(kind, new DeletionHandler<T>(action));
    }

    /**
     * Starts informers, waits for their first list and starts controllers (or the leader election that
     * starts them). Returns once the cache is synced; controllers run on their own threads.
     *
     * @throws IllegalStateException if the cache does not sync within the configured timeout
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        cache.start();
        if (!cache.waitForSync(settings.syncTimeout)) {
            throw new IllegalStateException("informer caches did not sync within " + settings.syncTimeout);
        }
        synced = true;
        if (settings.leaderElection == null) {
            runners.forEach(ControllerRunner::start);
            return;
        }
        election = new LeaseElection(client, settings.leaderElection,
                () -> runners.forEach(ControllerRunner::start), this::stopControllers);
        election.start();
    }

    /** Whether this manager runs its controllers now (always true without leader election, once started). */
    public boolean isLeader() {
        return started && (election == null ? synced : election.isLeader());
    }

    /** Liveness: started, not closed, informers running and no leadership lost. */
    public boolean healthy() {
        return started && !closed && cache.healthy() && (election == null || !election.lost());
    }

    /** Readiness: the cache has synced (standbys are ready too, as controller-runtime's are). */
    public boolean ready() {
        return healthy() && synced;
    }

    /** Stops controllers (waiting briefly for in-flight reconciles), releases the lease, stops informers. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (election != null) {
            election.close();
        }
        stopControllers();
        events.close();
        cache.close();
    }

    private void stopControllers() {
        runners.forEach(r -> r.stop(settings.shutdownGrace));
        LOG.info("controllers stopped count={}", runners.size());
    }

    /** Settings of a {@link Manager}; every one has a production default. */
    public static final class Builder {
        private final KubernetesClient client;
        private LeaderElection leaderElection;
        private Duration syncTimeout = Duration.ofMinutes(2);
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration backoffBase = Duration.ofMillis(5);
        private Duration backoffMax = Duration.ofSeconds(1000);
        private double retryQps = 10;
        private int retryBurst = 100;
        private String component = "capj-controller-manager";

        private Builder(KubernetesClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Runs controllers only while holding the Lease described by {@code election}. */
        public Builder leaderElection(LeaderElection election) {
            this.leaderElection = election;
            return this;
        }

        /** How long {@link Manager#start()} and first reads wait for informers to list (default 2 min). */
        public Builder syncTimeout(Duration timeout) {
            this.syncTimeout = timeout;
            return this;
        }

        /** How long {@link Manager#close()} waits for in-flight reconciles (default 30 s). */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        /** Per-key retry backoff: {@code base} doubling per failure up to {@code max} (default 5 ms → 1000 s). */
        public Builder retryBackoff(Duration base, Duration max) {
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /**
         * The overall retry rate limit per controller (default 10 qps, burst 100 as controller-runtime); fleet
         * scale wants it much higher.
         */
        public Builder retryRateLimit(double qps, int burst) {
            this.retryQps = qps;
            this.retryBurst = burst;
            return this;
        }

        /** The {@code source.component} of recorded events. */
        public Builder eventComponent(String name) {
            this.component = name;
            return this;
        }

        public Manager build() {
            return new Manager(this);
        }
    }
}
