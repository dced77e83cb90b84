package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Workload cluster connections from {@code <cluster>-kubeconfig} Secrets. The test server plays both the
 * management cluster and the workload cluster (its own admin kubeconfig is the workload kubeconfig); the
 * Widget kind stands in for Cluster.
 */
@CapjServer
class RemoteClustersTest {
    private static final String NS = "remote";

    @Test
    void connectsOnDemandAndDisconnectsWhenTheClusterGoes(CapjServerHandle server) throws Exception {
        KubernetesClient client = server.client();
        Widgets.install(client);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        var clusters = client.genericKubernetesResources(Widgets.KIND.definitionContext()).inNamespace(NS);
        clusters.resource(Widgets.widget(NS, "c1", Map.of())).create();
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("c1-kubeconfig")
                .endMetadata().addToStringData("value", Files.readString(server.kubeconfig())).build()).create();
        Request c1 = new Request(NS, "c1");

        try (Manager manager = Manager.builder(client).build();
                RemoteClusters remote = RemoteClusters.forManager(manager, Widgets.KIND)) {
            manager.start();

            assertThat(remote.probe(c1)).isTrue();
            assertThat(remote.cache(c1).get(ResourceKind.of(Namespace.class), "", NS))
                    .isPresent();
            assertThat(remote.isConnected(c1)).isTrue();
            assertThatThrownBy(() -> remote.client(new Request(NS, "missing")))
                    .hasMessageContaining("remote/missing-kubeconfig");

            clusters.withName("c1").delete();

            await().atMost(Duration.ofSeconds(30)).until(() -> !remote.isConnected(c1));
        }
    }

    @Test
    void workloadClusterEventsEnqueueIntoANamedControllerAndIndexesApply(CapjServerHandle server) throws Exception {
        String ns = "remote-watch";
        KubernetesClient client = server.client();
        Widgets.install(client);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
        client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("c2-kubeconfig")
                .endMetadata().addToStringData("value", Files.readString(server.kubeconfig())).build()).create();
        Request c2 = new Request(ns, "c2");
        ResourceKind<ConfigMap> configMaps = ResourceKind.of(ConfigMap.class);
        Set<Request> reconciled = ConcurrentHashMap.newKeySet();

        try (Manager manager = Manager.builder(client).build();
                RemoteClusters remote = RemoteClusters.forManager(manager, Widgets.KIND)) {
            manager.add(ControllerBuilder.forKind(Widgets.KIND).named("widget-from-remote").build(request -> {
                reconciled.add(request);
                return Result.done();
            }));
            remote.addIndex(configMaps, "owner-widget", cm -> cm.getData() == null || !cm.getData().containsKey("widget")
                    ? List.of() : List.of(cm.getData().get("widget")));
            manager.start();
            RequestMapper<ConfigMap> toWidget = cm -> cm.getData() == null || !cm.getData().containsKey("widget")
                    ? List.of() : List.of(new Request(ns, cm.getData().get("widget")));

            assertThat(remote.watch(c2, configMaps, "widget-from-remote", toWidget)).isTrue();
            assertThat(remote.watch(c2, configMaps, "widget-from-remote", toWidget)).isFalse();
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("cm1")
                    .endMetadata().addToData("widget", "w-from-remote").build()).create();

            await().atMost(Duration.ofSeconds(30)).until(() -> reconciled.contains(new Request(ns, "w-from-remote")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(remote.cache(c2).byIndex(configMaps, "owner-widget", "w-from-remote")).hasSize(1));
        }
    }
}
