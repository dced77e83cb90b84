package io.capj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness itself: CRDs served, webhooks active, provider flips visible, workload clusters reachable. */
class CorePlaneTest {
    private static CorePlane plane;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @Test
    void testProviderObjectsCanBeProvisioned() {
        String ns = plane.newNamespace("harness");
        ObjectNode infra = Json.object().put("apiVersion", TestProviders.apiVersion(TestProviders.INFRA_MACHINE))
                .put("kind", TestProviders.INFRA_MACHINE);
        infra.putObject("metadata").put("name", "m1").put("namespace", ns);
        plane.create(TestProviders.kind(TestProviders.INFRA_MACHINE), infra);

        plane.provisionInfraMachine(ns, "m1", "test://m1");

        ObjectNode stored = plane.get(TestProviders.kind(TestProviders.INFRA_MACHINE), ns, "m1").orElseThrow();
        assertThat(stored.at("/spec/providerID").asText()).isEqualTo("test://m1");
        assertThat(stored.at("/status/initialization/provisioned").asBoolean()).isTrue();
    }

    @Test
    void workloadClusterServesNodesAndItsKubeconfigIsStored() {
        String ns = plane.newNamespace("harness");
        WorkloadCluster workload = plane.startWorkloadCluster(ns, "c1");
        workload.createNode("n1", "test://n1");

        assertThat(workload.client().nodes().withName("n1").get().getSpec().getProviderID()).isEqualTo("test://n1");
        assertThat(plane.client().secrets().inNamespace(ns).withName("c1-kubeconfig").get().getData())
                .containsKey("value");
    }
}
