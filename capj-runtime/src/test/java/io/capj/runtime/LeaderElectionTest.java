package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two managers campaign for one Lease: only the holder reconciles, and a standby takes over on release. */
@CapjServer
class LeaderElectionTest {
    private static final String NS = "leader-election";

    @Test
    void onlyTheLeaderReconcilesAndTheStandbyTakesOverWhenItLeaves(CapjServerHandle server) {
        KubernetesClient client = server.client();
        if (client.namespaces().withName(NS).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .create();
        }
        Map<String, AtomicInteger> reconcilesBy = new ConcurrentHashMap<>();
        Manager first = manager(client, "first", reconcilesBy);
        Manager second = manager(client, "second", reconcilesBy);
        try {
            first.start();
            second.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> first.isLeader() || second.isLeader());
            Manager leader = first.isLeader() ? first : second;
            Manager standby = leader == first ? second : first;
            String leaderId = leader == first ? "first" : "second";
            String standbyId = leader == first ? "second" : "first";

            client.configMaps().inNamespace(NS).resource(configMap("a")).create();
            awaitReconciledBy("a", leaderId, client);
            assertThat(standby.isLeader()).isFalse();
            assertThat(standby.ready()).as("standbys keep a warm cache and are ready").isTrue();
            assertThat(reconcilesBy.getOrDefault(standbyId, new AtomicInteger()).get()).isZero();
            Lease lease = client.leases().inNamespace(NS).withName("runtime-test").get();
            assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leaderId);

            leader.close();
            await().atMost(Duration.ofSeconds(60)).until(standby::isLeader);
            client.configMaps().inNamespace(NS).resource(configMap("b")).create();

            awaitReconciledBy("b", standbyId, client);
            assertThat(standby.healthy()).isTrue();
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aLeaderWhoseLeaseIsTakenStopsReconcilingAndTurnsUnhealthy(CapjServerHandle server) {
        KubernetesClient client = server.client();
        if (client.namespaces().withName(NS).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .create();
        }
        Map<String, AtomicInteger> reconcilesBy = new ConcurrentHashMap<>();
        LeaderElection election = LeaderElection.of(NS, "runtime-loss", "victim")
                .withDurations(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500));
        try (Manager victim = manager(client, election, reconcilesBy)) {
            victim.start();
            await().atMost(Duration.ofSeconds(30)).until(victim::isLeader);

            // Another party takes the Lease over for a long time, as a split brain or a manual takeover would.
            client.leases().inNamespace(NS).withName("runtime-loss").edit(lease -> {
                lease.getSpec().setHolderIdentity("usurper");
                lease.getSpec().setLeaseDurationSeconds(3600);
                lease.getSpec().setRenewTime(ZonedDateTime.now());
                return lease;
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> !victim.isLeader());
            assertThat(victim.healthy()).as("losing a held lease is fatal, the process must restart").isFalse();
        }
    }

    private static Manager manager(KubernetesClient client, String identity, Map<String, AtomicInteger> counts) {
        return manager(client, LeaderElection.of(NS, "runtime-test", identity)
                .withDurations(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)), counts);
    }

    private static Manager manager(KubernetesClient client, LeaderElection election,
            Map<String, AtomicInteger> counts) {
        String identity = election.identity();
        Manager manager = Manager.builder(client).leaderElection(election).build();
        manager.add(ControllerBuilder.forKind(ControllerTest.CONFIG_MAPS).named("le-" + identity).build(request -> {
            if (!NS.equals(request.namespace())) {
                return Result.done();
            }
            counts.computeIfAbsent(identity, i -> new AtomicInteger()).incrementAndGet();
            ConfigMap cm = client.configMaps().inNamespace(NS).withName(request.name()).get();
            if (cm != null) {
                ConfigMap copy = new ConfigMapBuilder(cm).editMetadata().addToLabels("reconciled-by", identity)
                        .endMetadata().build();
                PatchHelper.snapshot(client, ControllerTest.CONFIG_MAPS, cm).patch(copy);
            }
            return Result.done();
        }));
        return manager;
    }

    private static void awaitReconciledBy(String name, String identity, KubernetesClient client) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.configMaps().inNamespace(NS).withName(name).get().getMetadata().getLabels())
                .containsEntry("reconciled-by", identity));
    }

    private static ConfigMap configMap(String name) {
        return ControllerTest.configMap(name);
    }
}
