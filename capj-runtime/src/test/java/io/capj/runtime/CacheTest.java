package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared cache over a kind known only at run time, read as unstructured data. */
@CapjServer
class CacheTest {
    private static final String NS = "cache";

    @Test
    void getsListsAndIndexesRunTimeKinds(CapjServerHandle server) {
        KubernetesClient client = server.client();
        Widgets.install(client);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        var widgets = client.genericKubernetesResources(Widgets.KIND.definitionContext()).inNamespace(NS);
        GenericKubernetesResource red = Widgets.widget(NS, "red", Map.of("color", "red"));
        red.getMetadata().setLabels(Map.of("tier", "front"));
        widgets.resource(red).create();
        widgets.resource(Widgets.widget(NS, "blue", Map.of("color", "blue"))).create();

        try (Manager manager = Manager.builder(client).build()) {
            Cache cache = manager.cache();
            cache.addIndex(Widgets.KIND, "spec.color", w -> List.of(String.valueOf((Object) w.get("spec", "color"))));
            manager.start();

            assertThat(cache.get(Widgets.KIND, NS, "red")).isPresent();
            assertThat(cache.list(Widgets.KIND, NS, Map.of())).hasSize(2);
            assertThat(cache.list(Widgets.KIND, NS, Map.of("tier", "front")))
                    .extracting(w -> w.getMetadata().getName()).containsExactly("red");
            assertThat(cache.byIndex(Widgets.KIND, "spec.color", "blue"))
                    .extracting(w -> w.getMetadata().getName()).containsExactly("blue");

            widgets.withName("red").delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> cache.get(Widgets.KIND, NS, "red").isEmpty());
            assertThat(manager.ready()).isTrue();
            // A kind first asked for after start is started on demand and synced before the read returns.
            assertThat(cache.list(ControllerTest.CONFIG_MAPS, "kube-system", Map.of())).isNotNull();
        }
    }
}
