package io.capj.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.storage.Store;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.internal.WatchConnectionManager;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fabric8 kubernetes-client 7.5.2, unmodified and with its defaults (WebSocket watches), against the real
 * server: a custom resource's lifecycle seen through an informer, and recovery when history the client
 * needs has been compacted away.
 */
class Fabric8InformerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static EmbeddedPlane plane;
    private static KubernetesClient client;

    @BeforeAll
    static void startServer() {
        plane = EmbeddedPlane.start(dataDir);
        client = plane.fabric8();
        WidgetCrd.install(client);
    }

    @AfterAll
    static void stopServer() {
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void informerSeesCreateUpdateAndDeleteOfCustomResources() {
        String ns = EmbeddedPlane.createNamespace(client, "inform");
        RecordedEvents<GenericKubernetesResource> events = new RecordedEvents<>();
        SharedIndexInformer<GenericKubernetesResource> informer =
                client.genericKubernetesResources(WidgetCrd.CONTEXT).inNamespace(ns).inform(events);
        try {
            widgets(ns).resource(WidgetCrd.widget(ns, "w1", "hello")).create();
            await().atMost(PATIENCE).until(() -> events.addedNames().contains("w1"));

            // edit() sends a JSON Patch carrying the resourceVersion it read (optimistic lock).
            widgets(ns).withName("w1").edit(w -> withMessage(w, "updated"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(events.updated)
                    .anySatisfy(u -> {
                        assertThat(WidgetCrd.message(u.before())).isEqualTo("hello");
                        assertThat(WidgetCrd.message(u.after())).isEqualTo("updated");
                    }));
            assertThat(WidgetCrd.message(informer.getStore().getByKey(ns + "/w1"))).isEqualTo("updated");

            widgets(ns).withName("w1").delete();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(events.deleted)
                    .anySatisfy(d -> {
                        assertThat(d.object().getMetadata().getName()).isEqualTo("w1");
                        assertThat(d.finalStateUnknown()).as("delete arrived as a watch event").isFalse();
                    }));
            assertThat(informer.getStore().list()).isEmpty();
        } finally {
            informer.close();
        }
    }

    @Test
    void watchRunsOverWebSocketWithoutFallingBackToHttp() throws Exception {
        String ns = EmbeddedPlane.createNamespace(client, "websocket");
        List<String> seen = new CopyOnWriteArrayList<>();
        Watch watch = widgets(ns).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                seen.add(action + " " + resource.getMetadata().getName() + " " + WidgetCrd.message(resource));
            }

            @Override
            public void onClose(WatcherException cause) {
                seen.add("CLOSED " + cause.getMessage());
            }
        });
        try {
            // fabric8 falls back to a plain HTTP watch (WatchHTTPManager) only if the WebSocket upgrade fails.
            assertThat(watch).isInstanceOf(WatchConnectionManager.class);
            widgets(ns).resource(WidgetCrd.widget(ns, "ws", "one")).create();
            widgets(ns).withName("ws").edit(w -> withMessage(w, "two"));
            widgets(ns).withName("ws").delete();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(seen)
                    .containsExactly("ADDED ws one", "MODIFIED ws two", "DELETED ws two"));
        } finally {
            watch.close();
        }
    }

    @Test
    void watchFromACompactedResourceVersionIsGone() throws Exception {
        String ns = EmbeddedPlane.createNamespace(client, "gone");
        String oldRv = widgets(ns).resource(WidgetCrd.widget(ns, "old", "v1")).create()
                .getMetadata().getResourceVersion();
        widgets(ns).withName("old").edit(w -> withMessage(w, "v2"));
        compactAllHistory();
        assertThat(plane.store().compactedRevision()).isGreaterThan(Long.parseLong(oldRv));

        CompletableFuture<WatcherException> closed = new CompletableFuture<>();
        List<String> events = new CopyOnWriteArrayList<>();
        Watch watch = widgets(ns).watch(new ListOptionsBuilder().withResourceVersion(oldRv).build(), new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                closed.complete(cause);
            }
        });
        try {
            WatcherException cause = closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(cause.isHttpGone()).as("410 Gone, got: %s", cause.getMessage()).isTrue();
            assertThat(events).as("no events replayed from compacted history").isEmpty();
        } finally {
            watch.close();
        }
    }

    /**
     * The informer must recover by relisting when the revision it would resume its watch from has been
     * compacted. How the test gets there, and why this way: the informer talks to the server through a
     * {@link TcpRelay}; pausing the relay cuts its WebSocket watch and makes its reconnects fail, like a network
     * partition, while the server keeps running. During that gap another client creates, changes and deletes
     * objects, and the store is compacted up to its current revision, so the informer's last resourceVersion is
     * below the history the server keeps. After the relay resumes, the informer's watch reconnect (which resumes
     * from its last resourceVersion) can only get 410 Gone, and the only way its cache becomes right again is a
     * fresh LIST. The signature of that relist is the deletion: an object deleted during the gap is reported
     * with {@code deletedFinalStateUnknown=true}, which fabric8 only does when a list no longer contains it (a
     * DELETED watch event gives {@code false}). Compacting directly, rather than waiting for a watch timeout or
     * restarting the server, keeps the test fast and independent of timing.
     */
    @Test
    void informerRelistsWhenItsResumeRevisionWasCompactedDuringADisconnect() throws Exception {
        String ns = EmbeddedPlane.createNamespace(client, "relist");
        for (String name : List.of("kept", "changed", "removed")) {
            widgets(ns).resource(WidgetCrd.widget(ns, name, "before")).create();
        }
        try (TcpRelay relay = TcpRelay.start(plane.port())) {
            KubernetesClient relayed = plane.fabric8(config -> {
                config.setMasterUrl("https://127.0.0.1:" + relay.port());
                config.setWatchReconnectInterval(100);
            });
            RecordedEvents<GenericKubernetesResource> events = new RecordedEvents<>();
            SharedIndexInformer<GenericKubernetesResource> informer =
                    relayed.genericKubernetesResources(WidgetCrd.CONTEXT).inNamespace(ns).inform(events);
            try {
                assertThat(informer.getStore().listKeys()).hasSize(3);

                relay.pause();
                widgets(ns).withName("changed").edit(w -> withMessage(w, "during the gap"));
                widgets(ns).withName("removed").delete();
                widgets(ns).resource(WidgetCrd.widget(ns, "new", "during the gap")).create();
                compactAllHistory();
                relay.resume();

                await().atMost(PATIENCE).untilAsserted(() ->
                        assertThat(versions(informer.getStore().list())).isEqualTo(versions(serverState(ns))));
                assertThat(WidgetCrd.message(informer.getStore().getByKey(ns + "/changed"))).isEqualTo("during the gap");
                assertThat(events.deleted).singleElement().satisfies(d -> {
                    assertThat(d.object().getMetadata().getName()).isEqualTo("removed");
                    assertThat(d.finalStateUnknown()).as("deletion inferred by a relist").isTrue();
                });
                assertThat(events.addedNames()).contains("new");
            } finally {
                informer.close();
            }
        }
    }

    private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> widgets(String ns) {
        return client.genericKubernetesResources(WidgetCrd.CONTEXT).inNamespace(ns);
    }

    private static GenericKubernetesResource withMessage(GenericKubernetesResource widget, String message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) widget.getAdditionalProperties().get("spec");
        spec.put("message", message);
        return widget;
    }

    private static List<GenericKubernetesResource> serverState(String ns) {
        return widgets(ns).list().getItems();
    }

    private static Map<String, String> versions(List<GenericKubernetesResource> objects) {
        return objects.stream().collect(Collectors.toMap(o -> o.getMetadata().getName(),
                o -> o.getMetadata().getResourceVersion()));
    }

    private static void compactAllHistory() {
        Store store = plane.store();
        store.compact(store.currentRevision());
    }
}
