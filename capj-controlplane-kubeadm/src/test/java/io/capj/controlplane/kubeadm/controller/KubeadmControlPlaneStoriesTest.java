package io.capj.controlplane.kubeadm.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.controlplane.kubeadm.v1beta2.ControlPlaneGroup;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.apimachinery.Json;
import io.capj.bootstrap.kubeadm.KubeadmBootstrapKinds;
import io.capj.controlplane.kubeadm.KubeadmControlPlaneKinds;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.etcd.EtcdMember;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.capj.infrastructure.dev.testing.InMemoryClusters;
import io.capj.infrastructure.dev.testing.InMemoryPlane;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's first story: a Cluster whose control plane is a KubeadmControlPlane on the in-memory provider comes
 * up with one Machine, scales to three (two joining) and back to one, with etcd membership following.
 */
class KubeadmControlPlaneStoriesTest {
    private static final String INFRA_GROUP = "infrastructure.cluster.x-k8s.io";
    private static InMemoryPlane inMemory;
    private static CorePlane plane;

    @BeforeAll
    static void start() {
        inMemory = InMemoryPlane.start(false, KubeadmControlPlaneController::register);
        plane = inMemory.plane();
    }

    @AfterAll
    static void stop() {
        inMemory.close();
    }

    @Test
    void controlPlaneComesUpAndScalesUpAndDown() {
        String ns = plane.newNamespace("kcp");
        createCluster(ns, "c1", "c1-cp");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ObjectNode cluster = plane.get(CoreKinds.CLUSTER, ns, "c1").orElseThrow();
            assertThat(cluster.at("/status/phase").asText()).isEqualTo("Provisioned");
            assertThat(cluster.at("/status/initialization/controlPlaneInitialized").asBoolean()).isTrue();
            ObjectNode kcp = plane.get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp").orElseThrow();
            assertThat(kcp.at("/status/initialization/controlPlaneInitialized").asBoolean()).isTrue();
            assertThat(runningMachines(ns)).hasSize(1);
        });
        String kcpUid = plane.get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp").orElseThrow()
                .at("/metadata/uid").asText();
        for (String secret : List.of("c1-kubeconfig", "c1-ca", "c1-etcd", "c1-proxy", "c1-sa")) {
            Secret s = plane.client().secrets().inNamespace(ns).withName(secret).get();
            assertThat(s).as(secret).isNotNull();
            assertThat(s.getMetadata().getOwnerReferences()).as(secret)
                    .anyMatch(r -> kcpUid.equals(r.getUid()) && Boolean.TRUE.equals(r.getController()));
        }

        plane.mergePatch(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp", "{\"spec\":{\"replicas\":3}}");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(runningMachines(ns)).hasSize(3);
            assertThat(plane.list(CoreKinds.MACHINE, ns)).hasSize(3);
            assertThat(etcdMembers(ns)).hasSize(3);
            ObjectNode kcp = plane.get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp").orElseThrow();
            assertThat(kcp.at("/status/replicas").asInt()).isEqualTo(3);
        });
        List<ObjectNode> configs = plane.list(KubeadmBootstrapKinds.KUBEADM_CONFIG, ns);
        assertThat(configs).hasSize(3);
        assertThat(configs).filteredOn(c -> c.at("/spec/initConfiguration").isObject()
                && !c.at("/spec/joinConfiguration/controlPlane").isObject()).hasSize(1);
        assertThat(configs).filteredOn(c -> c.at("/spec/joinConfiguration/controlPlane").isObject()).hasSize(2);

        plane.mergePatch(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp", "{\"spec\":{\"replicas\":1}}");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(plane.list(CoreKinds.MACHINE, ns)).hasSize(1);
            assertThat(etcdMembers(ns)).hasSize(1);
            ObjectNode kcp = plane.get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp").orElseThrow();
            assertThat(kcp.at("/status/replicas").asInt()).isEqualTo(1);
            assertThat(kcp.at("/status/upToDateReplicas").asInt()).isEqualTo(1);
            assertThat(kcp.at("/status/version").asText()).isEqualTo(InMemoryClusters.VERSION);
            assertThat(kcp.at("/status/selector").asText())
                    .isEqualTo("cluster.x-k8s.io/cluster-name=c1,cluster.x-k8s.io/control-plane");
            for (String type : List.of("Available", "Initialized", "CertificatesAvailable")) {
                assertThat(condition(kcp, type).path("status").asText()).as(type).isEqualTo("True");
            }
            assertThat(condition(kcp, "ScalingDown").path("status").asText()).isEqualTo("False");
        });
        assertThat(etcdMembers(ns).get(0).leader()).isTrue();

        // Deleting the Cluster deletes the KCP, which deletes its Machines and then lets go.
        plane.delete(CoreKinds.CLUSTER, ns, "c1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(plane.list(CoreKinds.MACHINE, ns)).isEmpty();
            assertThat(plane.get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp")).isEmpty();
            assertThat(plane.get(CoreKinds.CLUSTER, ns, "c1")).isEmpty();
        });
    }

    /**
     * A version upgrade of three control-plane Machines: a watcher checks after every Machine change that etcd
     * keeps quorum (at least two of three members, one leader) and that only one operation is in flight (never
     * more than replicas + maxSurge Machines, never two deleting at once).
     */
    @ParameterizedTest(name = "maxSurge {0}")
    @ValueSource(ints = {1, 0})
    void versionUpgradeReplacesEveryMachineWithoutLosingQuorum(int maxSurge) throws Exception {
        String ns = plane.newNamespace("upgrade");
        createCluster(ns, "c1", "c1-cp", 3, maxSurge);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(runningMachines(ns)).hasSize(3);
            assertThat(etcdMembers(ns)).hasSize(3);
        });
        List<String> before = plane.list(CoreKinds.MACHINE, ns).stream().map(m -> m.at("/metadata/name").asText())
                .toList();

        try (KubernetesClient workload = workloadClient(ns, "c1");
             RolloutWatcher watcher = RolloutWatcher.start(plane.client(), ns, new SimulatedEtcd(workload))) {
            plane.mergePatch(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp",
                    "{\"spec\":{\"version\":\"v1.34.0\"}}");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<ObjectNode> machines = plane.list(CoreKinds.MACHINE, ns);
                assertThat(machines).hasSize(3).allSatisfy(m -> {
                    assertThat(m.at("/spec/version").asText()).isEqualTo("v1.34.0");
                    assertThat(m.at("/status/phase").asText()).isEqualTo("Running");
                    assertThat(before).doesNotContain(m.at("/metadata/name").asText());
                });
                assertThat(etcdMembers(ns)).hasSize(3);
            });
            assertThat(watcher.observations()).as("the watcher saw the rollout").isGreaterThan(10);
            assertThat(watcher.fewestEtcdMembers()).as("etcd quorum of 3").isGreaterThanOrEqualTo(2);
            assertThat(watcher.mostLeaders()).isEqualTo(1);
            // maxSurge 1 adds before it removes; maxSurge 0 removes first, so it never exceeds the replicas.
            assertThat(watcher.mostMachines()).as("replicas + maxSurge").isEqualTo(3 + maxSurge);
            assertThat(watcher.mostDeleting()).as("one deletion at a time").isLessThanOrEqualTo(1);
        }
        ObjectNode kcp = plane.get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, ns, "c1-cp").orElseThrow();
        assertThat(kcp.at("/status/version").asText()).isEqualTo("v1.34.0");
        assertThat(kcp.at("/status/upToDateReplicas").asInt()).isEqualTo(3);
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return Json.object();
    }

    private static List<ObjectNode> runningMachines(String ns) {
        return plane.list(CoreKinds.MACHINE, ns).stream()
                .filter(m -> "Running".equals(m.at("/status/phase").asText())).toList();
    }

    private static List<EtcdMember> etcdMembers(String ns) {
        try (KubernetesClient workload = workloadClient(ns, "c1")) {
            return new SimulatedEtcd(workload).members();
        }
    }

    private static void createCluster(String ns, String name, String kcpName) {
        createCluster(ns, name, kcpName, 1, 1);
    }

    private static void createCluster(String ns, String name, String kcpName, int replicas, int maxSurge) {
        ObjectNode devCluster = object(INFRA_GROUP + "/v1beta2", "DevCluster", ns, name);
        devCluster.putObject("spec").putObject("backend").putObject("inMemory");
        plane.create(DevKinds.DEV_CLUSTER, devCluster);

        ObjectNode template = object(INFRA_GROUP + "/v1beta2", "DevMachineTemplate", ns, kcpName);
        template.putObject("spec").putObject("template").set("spec", devMachineSpec());
        plane.create(InMemoryClusters.DEV_MACHINE_TEMPLATE, template);

        ObjectNode kcp = object(ControlPlaneGroup.API_VERSION, "KubeadmControlPlane", ns, kcpName);
        ObjectNode spec = kcp.putObject("spec").put("replicas", replicas).put("version", InMemoryClusters.VERSION);
        spec.putObject("rollout").putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                .put("maxSurge", maxSurge);
        spec.putObject("machineTemplate").putObject("spec").putObject("infrastructureRef")
                .put("apiGroup", INFRA_GROUP).put("kind", "DevMachineTemplate").put("name", kcpName);
        ObjectNode kubeadm = spec.putObject("kubeadmConfigSpec");
        kubeadm.putObject("initConfiguration").putObject("nodeRegistration")
                .put("criSocket", "unix:///var/run/containerd/containerd.sock");
        kubeadm.putObject("joinConfiguration").putObject("nodeRegistration")
                .put("criSocket", "unix:///var/run/containerd/containerd.sock");
        plane.create(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, kcp);

        ObjectNode cluster = object(CoreGroup.API_VERSION, "Cluster", ns, name);
        ObjectNode clusterSpec = cluster.putObject("spec");
        clusterSpec.putObject("clusterNetwork").putObject("pods").putArray("cidrBlocks").add("192.168.0.0/16");
        clusterSpec.putObject("infrastructureRef").put("apiGroup", INFRA_GROUP).put("kind", "DevCluster")
                .put("name", name);
        clusterSpec.putObject("controlPlaneRef").put("apiGroup", ControlPlaneGroup.NAME)
                .put("kind", "KubeadmControlPlane").put("name", kcpName);
        plane.create(CoreKinds.CLUSTER, cluster);
    }

    /** The in-memory timings of upstream's template, scaled down (1 s VM, 200 ms for the rest). */
    private static JsonNode devMachineSpec() {
        ObjectNode inMemory = Json.object();
        for (String step : List.of("vm", "node", "apiServer", "etcd")) {
            inMemory.putObject(step).putObject("provisioning").put("startupDuration", step.equals("vm") ? "1s" : "200ms")
                    .put("startupJitter", "0.2");
        }
        ObjectNode spec = Json.object();
        spec.putObject("backend").set("inMemory", inMemory);
        return spec;
    }

    private static ObjectNode object(String apiVersion, String kind, String ns, String name) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", ns);
        return object;
    }

    private static KubernetesClient workloadClient(String ns, String cluster) {
        Secret secret = plane.client().secrets().inNamespace(ns).withName(cluster + "-kubeconfig").get();
        String kubeconfig = new String(Base64.getDecoder().decode(secret.getData().get("value")), StandardCharsets.UTF_8);
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
    }
}
