package io.capj.runtime.internal;

import io.capj.runtime.LeaderElection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fabric8's {@code LeaderElector} on a {@code coordination.k8s.io/v1} Lease and reports the edges to
 * the manager. Losing a lease once held is final: like controller-runtime, the process is expected to be
 * restarted (the manager turns unhealthy) rather than to resume controllers whose state may be stale.
 */
public final class LeaseElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseElection.class);

    private final KubernetesClient client;
    private final LeaderElection settings;
    private final Runnable onStartLeading;
    private final Runnable onStopLeading;
    private volatile boolean leading;
    private volatile boolean lost;
    private volatile boolean closing;
    private CompletableFuture<?> running;

    public LeaseElection(KubernetesClient client, LeaderElection settings, Runnable onStartLeading,
            Runnable onStopLeading) {
        this.client = client;
        this.settings = settings;
        this.onStartLeading = onStartLeading;
        this.onStopLeading = onStopLeading;
    }

    /** Starts campaigning in the background. */
    public synchronized void start() {
        var config = new LeaderElectionConfigBuilder()
                .withName(settings.leaseName())
                .withLock(new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity()))
                .withLeaseDuration(settings.leaseDuration())
                .withRenewDeadline(settings.renewDeadline())
                .withRetryPeriod(settings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, this::observed))
                .build();
        running = client.leaderElector().withConfig(config).build().start();
    }

    public boolean isLeader() {
        return leading;
    }

    /** Whether a lease once held was lost, which makes the manager unhealthy. */
    public boolean lost() {
        return lost;
    }

    /** Stops campaigning and releases the lease if held, so a standby takes over without waiting. */
    @Override
    public synchronized void close() {
        closing = true;
        if (running != null) {
            running.cancel(true);
            running = null;
        }
    }

    private void started() {
        leading = true;
        LOG.info("became leader lease={}/{} identity={}", settings.namespace(), settings.leaseName(),
                settings.identity());
        onStartLeading.run();
    }

    private void stopped() {
        if (leading) {
            lost = !closing; // releasing the lease on close is not a loss
        }
        leading = false;
        LOG.info("stopped leading lease={}/{} identity={}", settings.namespace(), settings.leaseName(),
                settings.identity());
        onStopLeading.run();
    }

    private void observed(String identity) {
        LOG.debug("observed leader lease={}/{} leader={}", settings.namespace(), settings.leaseName(), identity);
    }
}
