package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
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
}
