package io.capj.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fabric8's {@code LeaderElector} with a {@code coordination.k8s.io/v1} Lease lock: two candidates racing for one
 * Lease (create-if-absent, then PUT with resourceVersion) end with exactly one leader, and a released lease is
 * taken over by the other. This is the machinery capj's controller manager and JOSDK use for HA.
 */
class LeaderElectionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static EmbeddedPlane plane;
    private static KubernetesClient client;

    @BeforeAll
    static void startServer() {
        plane = EmbeddedPlane.start(dataDir);
        client = plane.fabric8();
    }

    @AfterAll
    static void stopServer() {
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void oneOfTwoCandidatesLeadsAndTheOtherTakesOverAfterRelease() {
        String ns = EmbeddedPlane.createNamespace(client, "election");
        List<String> started = new CopyOnWriteArrayList<>();
        Map<String, String> observedLeader = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<?>> running = new ConcurrentHashMap<>();
        for (String identity : List.of("alpha", "beta")) {
            running.put(identity, candidate(ns, identity, started, observedLeader).start());
        }
        try {
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(started).hasSize(1);
                assertThat(observedLeader).containsOnlyKeys("alpha", "beta");
                assertThat(observedLeader.values()).containsOnly(started.get(0));
            });
            String first = started.get(0);
            String second = first.equals("alpha") ? "beta" : "alpha";
            assertThat(lease(ns).getSpec().getHolderIdentity()).isEqualTo(first);

            running.get(first).cancel(true); // releaseOnCancel: the holder clears holderIdentity
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(started).containsExactly(first, second);
                Lease lease = lease(ns);
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(second);
                assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
            });
        } finally {
            running.values().forEach(f -> f.cancel(true));
        }
    }

    private static LeaderElector candidate(
            String ns, String identity, List<String> started, Map<String, String> observedLeader) {
        return client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("capj-e2e-election")
                .withLock(new LeaseLock(ns, "capj-e2e-lock", identity))
                .withLeaseDuration(Duration.ofSeconds(15))
                .withRenewDeadline(Duration.ofSeconds(10))
                .withRetryPeriod(Duration.ofMillis(500))
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> started.add(identity),
                        () -> { },
                        leader -> {
                            if (leader != null) {
                                observedLeader.put(identity, leader);
                            }
                        }))
                .build()).build();
    }

    private static Lease lease(String ns) {
        return client.resources(Lease.class).inNamespace(ns).withName("capj-e2e-lock").get();
    }
}
