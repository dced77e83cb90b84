package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Controllers wired by the builder, run by a manager against the real embedded API server. */
@CapjServer
class ControllerTest {
    static final ResourceKind<ConfigMap> CONFIG_MAPS = ResourceKind.of(ConfigMap.class);
    static final ResourceKind<Secret> SECRETS = ResourceKind.of(Secret.class);

    private KubernetesClient client;
    private String namespace;
    private Manager manager;

    @BeforeEach
    void createNamespace(CapjServerHandle server, TestInfo test) {
        client = server.client();
        namespace = "ctl-" + test.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 12);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        manager = Manager.builder(client).retryBackoff(Duration.ofMillis(5), Duration.ofSeconds(1)).build();
    }

    @AfterEach
    void stopManager() {
        manager.close();
    }

    @Test
    void forKindReconcilesEachObjectAndOwnsEnqueuesTheControllerOwner() {
        Reconciler countOwnedSecrets = request -> {
            if (!namespace.equals(request.namespace())) {
                return Result.done();
            }
            Optional<ConfigMap> cm = manager.cache().get(CONFIG_MAPS, request.namespace(), request.name());
            if (cm.isEmpty()) {
                return Result.done();
            }
            int owned = manager.cache().byIndex(SECRETS, Cache.OWNER_UID_INDEX, cm.get().getMetadata().getUid()).size();
            ConfigMap copy = new ConfigMapBuilder(cm.get()).build();
            copy.getMetadata().setLabels(Map.of("owned-secrets", Integer.toString(owned)));
            PatchHelper.snapshot(client, CONFIG_MAPS, cm.get()).patch(copy);
            return Result.done();
        };
        manager.add(ControllerBuilder.forKind(CONFIG_MAPS).owns(SECRETS).named("owner-counter")
                .withEventFilter(EventFilter.resourceVersionChanged()).build(countOwnedSecrets));
        manager.start();

        ConfigMap owner = client.configMaps().inNamespace(namespace).resource(configMap("owner")).create();
        awaitLabel("owner", "owned-secrets", "0");

        client.secrets().inNamespace(namespace).resource(ownedSecret("child", owner)).create();
        awaitLabel("owner", "owned-secrets", "1");

        assertThat(manager.metrics().reconcileTotal("owner-counter", ReconcileMetrics.SUCCESS)).isPositive();
        assertThat(manager.metrics().render()).contains("workqueue_depth{name=\"owner-counter\"}");
    }

    @Test
    void requeueAfterBringsTheKeyBackWithoutAnyEvent() {
        AtomicInteger passes = new AtomicInteger();
        manager.add(ControllerBuilder.forKind(CONFIG_MAPS).named("ticker").build(request -> {
            if (!namespace.equals(request.namespace())) {
                return Result.done();
            }
            return passes.incrementAndGet() < 5 ? Result.requeueAfter(Duration.ofMillis(50)) : Result.done();
        }));
        manager.start();

        client.configMaps().inNamespace(namespace).resource(configMap("tick")).create();

        await().atMost(Duration.ofSeconds(30)).until(() -> passes.get() >= 5);
        assertThat(manager.metrics().reconcileTotal("ticker", ReconcileMetrics.REQUEUE_AFTER)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void errorsAreRetriedWithBackoffAndTerminalErrorsAreNot() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        manager.add(ControllerBuilder.forKind(CONFIG_MAPS).named("flaky").build(request -> {
            if (!namespace.equals(request.namespace())) {
                return Result.done();
            }
            int attempt = attempts.computeIfAbsent(request.name(), n -> new AtomicInteger()).incrementAndGet();
            if (request.name().equals("broken")) {
                throw new TerminalException("spec is invalid");
            }
            if (request.name().equals("flaky") && attempt <= 3) {
                throw new IllegalStateException("transient failure " + attempt);
            }
            ConfigMap cm = client.configMaps().inNamespace(namespace).withName(request.name()).get();
            ConfigMap copy = new ConfigMapBuilder(cm).editMetadata().addToLabels("ok", "true").endMetadata().build();
            PatchHelper.snapshot(client, CONFIG_MAPS, cm).patch(copy);
            return Result.done();
        }));
        manager.start();

        client.configMaps().inNamespace(namespace).resource(configMap("broken")).create();
        client.configMaps().inNamespace(namespace).resource(configMap("flaky")).create();
        awaitLabel("flaky", "ok", "true");
        // A later key proves the queue kept running; the terminal key must not have been retried meanwhile.
        client.configMaps().inNamespace(namespace).resource(configMap("marker")).create();
        awaitLabel("marker", "ok", "true");

        // flaky: three failures, the success, and up to two more passes: one for the label it wrote itself and
        // one when an event arrived while a pass was running (the key is marked dirty and passed again).
        assertThat(attempts.get("flaky").get()).isBetween(4, 6);
        assertThat(attempts.get("broken").get()).isEqualTo(1);
        assertThat(manager.metrics().reconcileErrors("flaky")).as("3 retried + 1 terminal").isEqualTo(4);
    }

    @Test
    void watchesMapsAnyKindThroughTheMapper() {
        manager.add(ControllerBuilder.forKind(CONFIG_MAPS).named("mapper")
                .watches(SECRETS, s -> List.of(new Request(s.getMetadata().getNamespace(),
                        s.getMetadata().getLabels().getOrDefault("target", "none"))))
                .build(request -> {
                    if (!namespace.equals(request.namespace()) || request.name().equals("none")) {
                        return Result.done();
                    }
                    Optional<ConfigMap> cm = manager.cache().get(CONFIG_MAPS, request.namespace(), request.name());
                    long secrets = manager.cache().list(SECRETS, namespace, Map.of("target", request.name())).size();
                    if (cm.isPresent()) {
                        ConfigMap copy = new ConfigMapBuilder(cm.get()).editMetadata()
                                .addToLabels("secrets", Long.toString(secrets)).endMetadata().build();
                        PatchHelper.snapshot(client, CONFIG_MAPS, cm.get()).patch(copy);
                    }
                    return Result.done();
                }));
        manager.start();
        client.configMaps().inNamespace(namespace).resource(configMap("target")).create();
        awaitLabel("target", "secrets", "0");

        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("s1")
                .addToLabels("target", "target").endMetadata().build()).create();

        awaitLabel("target", "secrets", "1");
    }

    @Test
    void parallelWorkersNeverReconcileOneKeyTwiceAtOnce() {
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger peakParallel = new AtomicInteger();
        manager.add(ControllerBuilder.forKind(CONFIG_MAPS).named("parallel").withConcurrency(4).build(request -> {
            if (!namespace.equals(request.namespace())) {
                return Result.done();
            }
            if (!inFlight.add(request.name())) {
                overlaps.incrementAndGet();
            }
            peakParallel.accumulateAndGet(inFlight.size(), Math::max);
            try {
                ConfigMap cm = client.configMaps().inNamespace(namespace).withName(request.name()).get();
                if (cm != null && !"done".equals(cm.getMetadata().getLabels() == null ? null
                        : cm.getMetadata().getLabels().get("state"))) {
                    ConfigMap copy = new ConfigMapBuilder(cm).editMetadata().addToLabels("state", "done")
                            .endMetadata().build();
                    PatchHelper.snapshot(client, CONFIG_MAPS, cm).patch(copy);
                }
                return Result.done();
            } finally {
                inFlight.remove(request.name());
            }
        }));
        manager.start();

        for (int i = 0; i < 12; i++) {
            client.configMaps().inNamespace(namespace).resource(configMap("cm-" + i)).create();
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 12; i++) {
                client.configMaps().inNamespace(namespace).withName("cm-" + i)
                        .edit(cm -> new ConfigMapBuilder(cm).addToData("round", "r").build());
            }
        }

        for (int i = 0; i < 12; i++) {
            awaitLabel("cm-" + i, "state", "done");
        }
        assertThat(overlaps.get()).isZero();
        assertThat(peakParallel.get()).isBetween(1, 4);
    }

    @Test
    void watchesAddedAfterStartFollowKindsDiscoveredAtRunTime() {
        manager.add(ControllerBuilder.forKind(CONFIG_MAPS).named("late-watch").build(request -> {
            if (!namespace.equals(request.namespace())) {
                return Result.done();
            }
            // Like a Cluster following its infrastructure reference: start watching the referenced kind now.
            manager.ensureWatch("late-watch", SECRETS, s -> List.of(new Request(s.getMetadata().getNamespace(),
                    s.getMetadata().getName())));
            ConfigMap cm = client.configMaps().inNamespace(namespace).withName(request.name()).get();
            Secret secret = client.secrets().inNamespace(namespace).withName(request.name()).get();
            if (cm != null) {
                ConfigMap copy = new ConfigMapBuilder(cm).editMetadata()
                        .addToLabels("secret", secret == null ? "absent" : "present").endMetadata().build();
                PatchHelper.snapshot(client, CONFIG_MAPS, cm).patch(copy);
            }
            return Result.done();
        }));
        manager.start();
        client.configMaps().inNamespace(namespace).resource(configMap("ref")).create();
        awaitLabel("ref", "secret", "absent");

        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("ref")
                .endMetadata().build()).create();

        awaitLabel("ref", "secret", "present");
        assertThat(manager.ensureWatch("late-watch", SECRETS, s -> List.of())).as("idempotent per kind").isFalse();
    }

    private void awaitLabel(String name, String key, String value) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
            assertThat(cm.getMetadata().getLabels()).containsEntry(key, value);
        });
    }

    static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build();
    }

    private static Secret ownedSecret(String name, ConfigMap owner) {
        return new SecretBuilder().withNewMetadata().withName(name).addNewOwnerReference().withApiVersion("v1")
                .withKind("ConfigMap").withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).endOwnerReference().endMetadata().addToStringData("k", "v").build();
    }
}
