package io.capj.infrastructure.dev.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.bootstrap.kubeadm.KubeadmBootstrapKinds;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.infrastructure.dev.etcd.EtcdMember;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.capj.infrastructure.dev.testing.InMemoryClusters;
import io.capj.infrastructure.dev.testing.InMemoryPlane;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
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

/**
 * Issue 4's user story: a Cluster on a DevCluster, with three control-plane Machines created directly (no
 * control-plane provider) and a MachineDeployment of workers, all bootstrapped by KubeadmConfigs, comes up
 * on simulated machines: every controller is real (core, kubeadm bootstrap, Dev inMemory), and so are the
 * management and workload API servers.
 */
class KubeadmInMemoryStoriesTest {
    private static final ResourceKind<GenericKubernetesResource> KUBEADM_CONFIG = KubeadmBootstrapKinds.KUBEADM_CONFIG;
    private static final List<String> CONTROL_PLANE = List.of("cp-0", "cp-1", "cp-2");
    private static InMemoryPlane inMemory;
    private static CorePlane plane;

    @BeforeAll
    static void start() {
        inMemory = InMemoryPlane.start(false, (manager, remotes) -> { });
        plane = inMemory.plane();
    }

    @AfterAll
    static void stop() {
        inMemory.close();
    }

    @Test
    void clusterWithDirectControlPlaneMachinesAndWorkersComesUpOnSimulatedMachines() {
        String ns = plane.newNamespace("story");
        InMemoryClusters user = new InMemoryClusters(plane, ns);
        ObjectNode inMemoryCluster = Json.object();
        inMemoryCluster.putObject("backend").putObject("inMemory");
        user.cluster("c1", inMemoryCluster);
        for (String name : CONTROL_PLANE) {
            user.controlPlaneMachine("c1", name, kubeadmSpec(), devMachineSpec());
        }
        user.workers("c1", "md-0", 3, kubeadmSpec(), devMachineSpec());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ObjectNode cluster = plane.get(CoreKinds.CLUSTER, ns, "c1").orElseThrow();
            assertThat(cluster.at("/status/phase").asText()).isEqualTo("Provisioned");
            assertThat(cluster.at("/status/initialization/controlPlaneInitialized").asBoolean()).isTrue();
            List<ObjectNode> machines = plane.list(CoreKinds.MACHINE, ns);
            assertThat(machines).hasSize(6);
            assertThat(machines).allSatisfy(m -> assertThat(m.at("/status/phase").asText())
                    .as(ObjectMeta.name(m)).isEqualTo("Running"));
        });

        // Exactly one control-plane Machine ran kubeadm init; the others joined as control plane.
        List<String> inits = CONTROL_PLANE.stream().filter(name -> bootstrapData(ns, name).contains("kubeadm init"))
                .toList();
        assertThat(inits).hasSize(1);
        CONTROL_PLANE.stream().filter(name -> !inits.contains(name)).forEach(name ->
                assertThat(bootstrapData(ns, name)).contains("kubeadm join", "controlPlane:"));
        for (ObjectNode machine : plane.list(CoreKinds.MACHINE, ns)) {
            String configName = machine.at("/spec/bootstrap/configRef/name").asText();
            ObjectNode config = plane.get(KUBEADM_CONFIG, ns, configName).orElseThrow();
            assertThat(Condition.find(config.path("status"), "Ready").orElseThrow().isTrue()).isTrue();
            assertThat(machine.at("/spec/bootstrap/dataSecretName").asText()).isEqualTo(configName);
            if (!machine.at("/metadata/labels").has(CoreLabels.MachineControlPlaneLabel)) {
                assertThat(bootstrapData(ns, configName)).contains("kubeadm join", "node.cluster.x-k8s.io/uninitialized");
            }
        }

        try (KubernetesClient workload = workloadClient(ns, "c1")) {
            List<Node> nodes = workload.nodes().list().getItems();
            assertThat(nodes).hasSize(6).allSatisfy(node -> {
                assertThat(node.getSpec().getProviderID()).startsWith("in-memory://");
                assertThat(node.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready")
                        && c.getStatus().equals("True"));
            });
            // The core Machine controller removed the uninitialized taint once it synced the workers' labels.
            assertThat(nodes).allSatisfy(node -> assertThat(node.getSpec().getTaints() == null ? List.of()
                    : node.getSpec().getTaints().stream().map(t -> t.getKey()).toList())
                    .doesNotContain("node.cluster.x-k8s.io/uninitialized"));
            List<EtcdMember> members = new SimulatedEtcd(workload).members();
            assertThat(members).extracting(EtcdMember::name).containsExactlyInAnyOrderElementsOf(CONTROL_PLANE);
            assertThat(members).filteredOn(EtcdMember::leader).hasSize(1);
            assertThat(workload.configMaps().inNamespace("kube-system").withName("kubeadm-config").get()).isNotNull();
            // Every joining Machine used a token that is still in the workload cluster.
            assertThat(workload.secrets().inNamespace("kube-system").list().getItems().stream()
                    .filter(s -> "bootstrap.kubernetes.io/token".equals(s.getType())).count()).isEqualTo(5);
        }
        assertThat(plane.client().configMaps().inNamespace(ns).withName("c1-lock").get()).as("init lock released")
                .isNull();
    }

    // ---- the objects a user applies -------------------------------------------------------------------

    private static ObjectNode kubeadmSpec() {
        ObjectNode spec = Json.object();
        spec.putObject("initConfiguration").putObject("nodeRegistration")
                .put("criSocket", "unix:///var/run/containerd/containerd.sock");
        spec.putObject("joinConfiguration").putObject("nodeRegistration")
                .put("criSocket", "unix:///var/run/containerd/containerd.sock");
        return spec;
    }

    /** The in-memory timings of upstream's template, scaled down ten times to keep the story short. */
    private static ObjectNode devMachineSpec() {
        ObjectNode inMemory = Json.object();
        for (String step : List.of("vm", "node", "apiServer", "etcd")) {
            inMemory.putObject(step).putObject("provisioning").put("startupDuration", step.equals("vm") ? "1s" : "200ms")
                    .put("startupJitter", "0.2");
        }
        ObjectNode spec = Json.object();
        spec.putObject("backend").set("inMemory", inMemory);
        return spec;
    }

    private static String bootstrapData(String ns, String name) {
        Secret secret = plane.client().secrets().inNamespace(ns).withName(name).get();
        return new String(Base64.getDecoder().decode(secret.getData().get("value")), StandardCharsets.UTF_8);
    }

    private static KubernetesClient workloadClient(String ns, String cluster) {
        Secret secret = plane.client().secrets().inNamespace(ns).withName(cluster + "-kubeconfig").get();
        String kubeconfig = new String(Base64.getDecoder().decode(secret.getData().get("value")), StandardCharsets.UTF_8);
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
    }
}
