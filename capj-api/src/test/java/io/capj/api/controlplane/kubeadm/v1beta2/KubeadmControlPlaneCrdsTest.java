package io.capj.api.controlplane.kubeadm.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiWebhooks;
import io.capj.api.ServedApi;
import io.capj.api.UpstreamFixtures;
import io.capj.apimachinery.Json;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KubeadmControlPlane(Template) CRDs on a real server with every webhook: upstream's templates apply
 * unmodified, the definitions carry upstream's names, contract labels and scale subresource, and the
 * printer columns render.
 */
class KubeadmControlPlaneCrdsTest {
    private static ServedApi api;

    @BeforeAll
    static void startServer() {
        api = ServedApi.start(CapiWebhooks.all());
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @Test
    void clusterWithKcpFixtureAppliesUnmodified() {
        String namespace = "kcp-fixture";
        api.namespace(namespace);
        List<ObjectNode> objects = UpstreamFixtures.load(
                "e2e__data__infrastructure-docker__main__bases__cluster-with-kcp.yaml", "capi-quickstart", namespace);
        assertThat(objects).extracting(o -> o.path("kind").asText()).contains("KubeadmControlPlane");

        for (ObjectNode object : objects) {
            ServedApi.Reply created = api.post(collection(object, namespace), object);
            assertThat(created.code()).as(object.path("kind").asText() + ": " + created.body()).isEqualTo(201);
            if (object.path("kind").asText().equals("KubeadmControlPlane")) {
                JsonNode spec = created.body().path("spec");
                assertThat(spec.path("kubeadmConfigSpec")).as("nothing pruned")
                        .isEqualTo(object.at("/spec/kubeadmConfigSpec"));
                assertThat(spec.path("replicas").asInt()).isEqualTo(3);
                assertThat(spec.path("version").asText()).isEqualTo("v1.33.0");
                assertThat(spec.at("/rollout/strategy/type").asText()).isEqualTo("RollingUpdate");
                assertThat(spec.at("/rollout/strategy/rollingUpdate/maxSurge").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void inMemoryClusterClassControlPlaneTemplateIsAccepted() {
        String namespace = "kcpt-fixture";
        api.namespace(namespace);
        List<ObjectNode> templates = UpstreamFixtures.load(
                "infrastructure__docker__templates__clusterclass-in-memory.yaml", "capi-quickstart", namespace)
                .stream().filter(o -> o.path("kind").asText().equals("KubeadmControlPlaneTemplate")).toList();
        assertThat(templates).hasSize(1);

        ServedApi.Reply created = api.post(collection(templates.get(0), namespace), templates.get(0));

        assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("spec")).as("nothing pruned").isEqualTo(templates.get(0).path("spec"));
    }

    @Test
    void definitionsCarryUpstreamNamesLabelsAndScale() {
        ObjectNode kcp = KubeadmControlPlaneCrd.definition();

        assertThat(kcp.at("/metadata/name").asText()).isEqualTo("kubeadmcontrolplanes.controlplane.cluster.x-k8s.io");
        assertThat(kcp.at("/metadata/labels/cluster.x-k8s.io~1v1beta2").asText()).isEqualTo("v1beta2");
        assertThat(kcp.at("/spec/names/shortNames/0").asText()).isEqualTo("kcp");
        assertThat(kcp.at("/spec/names/categories/0").asText()).isEqualTo("cluster-api");
        assertThat(kcp.at("/spec/versions/0/subresources/scale")).isEqualTo(Json.parse("""
                {"specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas",
                 "labelSelectorPath":".status.selector"}"""));
        assertThat(KubeadmControlPlaneTemplateCrd.definition().at("/metadata/labels/cluster.x-k8s.io~1v1beta2")
                .asText()).isEqualTo("v1beta2");
    }

    @Test
    void printerColumnsAndScaleSubresourceServeStatus() {
        String namespace = "kcp-columns";
        api.namespace(namespace);
        ObjectNode kcp = (ObjectNode) Json.parse("""
                {"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlane",
                 "metadata":{"name":"cp","labels":{"cluster.x-k8s.io/cluster-name":"c1"}},
                 "spec":{"replicas":3,"version":"v1.33.0","machineTemplate":{"spec":{"infrastructureRef":
                   {"apiGroup":"infrastructure.cluster.x-k8s.io","kind":"DevMachineTemplate","name":"t"}}}}}""");
        String path = ServedApi.collection(ControlPlaneGroup.API_VERSION, namespace, "kubeadmcontrolplanes");
        assertThat(api.post(path, kcp).code()).isEqualTo(201);
        ServedApi.Reply status = api.mergePatch(path + "/cp/status", """
                {"status":{"replicas":3,"readyReplicas":2,"availableReplicas":1,"upToDateReplicas":3,
                 "selector":"cluster.x-k8s.io/control-plane-name=cp","initialization":{"controlPlaneInitialized":true},
                 "lastRemediation":{"machine":"m1","time":"2025-01-01T00:00:00Z","retryCount":1}}}""");
        assertThat(status.code()).as(status.body().toString()).isEqualTo(200);

        JsonNode row = api.table(path + "/cp").body().at("/rows/0/cells");
        assertThat(row.get(0).asText()).isEqualTo("cp");
        assertThat(row.get(1).asText()).isEqualTo("c1");
        assertThat(row.get(3).asInt()).as("Desired").isEqualTo(3);
        assertThat(row.get(5).asInt()).as("Ready").isEqualTo(2);
        assertThat(row.get(9).asBoolean()).as("Initialized").isTrue();
        assertThat(row.get(11).asText()).as("Version").isEqualTo("v1.33.0");
        JsonNode scale = api.get(path + "/cp/scale").body();
        assertThat(scale.at("/status/selector").asText()).isEqualTo("cluster.x-k8s.io/control-plane-name=cp");
        assertThat(KubeadmControlPlaneView.of(api.get(path + "/cp").body()).status().lastRemediation())
                .hasValueSatisfying(last -> assertThat(last.retryCount()).isEqualTo(1));
    }

    /** Upstream's scale validator: scaling through the subresource obeys the same replica rules. */
    @Test
    void scaleSubresourceRefusesEvenReplicasWithStackedEtcd() {
        String namespace = "kcp-scale";
        api.namespace(namespace);
        ObjectNode kcp = (ObjectNode) Json.parse("""
                {"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlane",
                 "metadata":{"name":"cp"},
                 "spec":{"replicas":3,"version":"v1.33.0","machineTemplate":{"spec":{"infrastructureRef":
                   {"apiGroup":"infrastructure.cluster.x-k8s.io","kind":"DevMachineTemplate","name":"t"}}}}}""");
        String path = ServedApi.collection(ControlPlaneGroup.API_VERSION, namespace, "kubeadmcontrolplanes");
        assertThat(api.post(path, kcp).code()).isEqualTo(201);

        ServedApi.Reply even = api.mergePatch(path + "/cp/scale", "{\"spec\":{\"replicas\":4}}");
        ServedApi.Reply odd = api.mergePatch(path + "/cp/scale", "{\"spec\":{\"replicas\":5}}");

        assertThat(even.code()).as(even.body().toString()).isEqualTo(422);
        assertThat(even.body().path("message").asText()).contains("cannot be an even number when etcd is stacked");
        assertThat(odd.code()).as(odd.body().toString()).isEqualTo(200);
        assertThat(api.get(path + "/cp").body().at("/spec/replicas").asInt()).isEqualTo(5);
    }

    private static String collection(ObjectNode object, String namespace) {
        String kind = object.path("kind").asText().toLowerCase(Locale.ROOT);
        String plural = kind.endsWith("s") ? kind + "es" : kind + "s";
        return ServedApi.collection(object.path("apiVersion").asText(), namespace, plural);
    }
}
