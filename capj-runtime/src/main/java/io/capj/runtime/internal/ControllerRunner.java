package io.capj.runtime.internal;

import io.capj.runtime.Controller;
import io.capj.runtime.ReconcileMetrics;
import io.capj.runtime.Request;
import io.capj.runtime.ResourceKind;
import io.capj.runtime.Result;
import io.capj.runtime.TerminalException;
import io.capj.runtime.Watch;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Controller}: its watches feed its {@link WorkQueue} from the moment it is registered (so no
 * event is lost while waiting for leadership), and its workers drain the queue once {@link #start()} is
 * called. Each finished reconcile is one of four outcomes: error (rate-limited retry), terminal error
 * (forgotten), requeue-after (scheduled) or done (forgotten); each updates the metrics.
 */
public final class ControllerRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerRunner.class);

    private final Controller controller;
    private final WorkQueue<Request> queue;
    private final ReconcileMetrics metrics;
    private final List<Thread> workers = new ArrayList<>();
    private final Set<ResourceKind<?>> watchedKinds = ConcurrentHashMap.newKeySet();

    public ControllerRunner(Controller controller, WorkQueue<Request> queue, ReconcileMetrics metrics) {
        this.controller = controller;
        this.queue = queue;
        this.metrics = metrics;
        metrics.registerQueue(controller.name(), queue::depth);
    }

    /** Attaches this controller's event handlers to the shared informers. */
    public void registerWatches(InformerCache cache) {
        controller.watches().forEach(watch -> attach(cache, watch));
    }

    /**
     * Adds a watch on a kind discovered at run time (a provider kind named by a reference) unless this
     * controller already watches that kind, so reconcilers may call it on every pass.
     *
     * @return whether the watch was new
     */
    public synchronized boolean addWatch(InformerCache cache, Watch<?> watch) {
        if (watchedKinds.contains(watch.kind())) {
            return false;
        }
        attach(cache, watch);
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void attach(InformerCache cache, Watch<?> watch) {
        watchedKinds.add(watch.kind());
        Watch<HasMetadata> w = (Watch<HasMetadata>) (Watch) watch;
        cache.addHandler(w.kind(), new EnqueueingHandler<>(w, queue));
    }

    /** Starts the workers; idempotent. */
    public synchronized void start() {
        if (!workers.isEmpty()) {
            return;
        }
        for (int i = 0; i < controller.concurrency(); i++) {
            Thread worker = new Thread(this::work, "capj-" + controller.name() + "-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        LOG.info("controller started controller={} workers={}", controller.name(), controller.concurrency());
    }

    /** Stops handing out keys and waits up to {@code grace} for in-flight reconciles to finish. */
    public synchronized void stop(Duration grace) {
        queue.shutDown();
        try {
            queue.awaitIdle(grace);
            for (Thread worker : workers) {
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return controller.name();
    }

    /** Queues {@code request} as a watch event would (for sources outside the shared cache). */
    public void enqueue(Request request) {
        queue.add(request);
    }

    WorkQueue<Request> queue() {
        return queue;
    }

    private void work() {
        try {
            Request request;
            while ((request = queue.take()) != null) {
                metrics.addActiveWorkers(controller.name(), 1);
                try {
                    reconcileOnce(request);
                } finally {
                    metrics.addActiveWorkers(controller.name(), -1);
                    queue.done(request);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reconcileOnce(Request request) {
        long start = System.nanoTime();
        String outcome;
        try {
            Result result = controller.reconciler().reconcile(request);
            outcome = schedule(request, result);
        } catch (TerminalException e) {
            queue.forget(request);
            outcome = ReconcileMetrics.ERROR;
            LOG.error("reconciler failed terminally controller={} object={}", controller.name(), request, e);
        } catch (Exception e) {
            queue.addRateLimited(request);
            outcome = ReconcileMetrics.ERROR;
            LOG.warn("reconciler failed, retrying with backoff controller={} object={} failures={}",
                    controller.name(), request, queue.failures(request), e);
        }
        metrics.recordReconcile(controller.name(), outcome, System.nanoTime() - start);
    }

    private String schedule(Request request, Result result) {
        if (result.isRequeue()) {
            queue.addRateLimited(request);
            return ReconcileMetrics.REQUEUE;
        }
        queue.forget(request);
        if (!result.requeueAfter().isZero()) {
            queue.addAfter(request, result.requeueAfter());
            return ReconcileMetrics.REQUEUE_AFTER;
        }
        return ReconcileMetrics.SUCCESS;
    }
}
