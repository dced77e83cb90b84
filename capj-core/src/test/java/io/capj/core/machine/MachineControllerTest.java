package io.capj.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import io.capj.core.testing.WorkloadCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Machine controller against a real API server and a simulated workload cluster, with the test playing
 * the bootstrap and infrastructure providers and the kubelet: provisioning phases up to Running, then the
 * delete pipeline step by step.
 */
class MachineControllerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CLUSTER = "c1";
    private static final String PRE_DRAIN_HOOK = "pre-drain.delete.hook.machine.cluster.x-k8s.io/test";
    private static final String PRE_TERMINATE_HOOK = "pre-terminate.delete.hook.machine.cluster.x-k8s.io/test";
    private static CorePlane plane;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        plane.startControllers((manager, remotes) -> MachineController.register(manager, remotes,
                new MachineController.Settings(MachineController.NAME, 2, Duration.ofSeconds(1))));
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @Test
    void machineWalksFromPendingToRunningAndSyncsItsNode() {
        String ns = plane.newNamespace("machine-run");
        MachineFixtures.readyCluster(plane, ns, CLUSTER);
        WorkloadCluster workload = plane.startWorkloadCluster(ns, CLUSTER);
        MachineFixtures.providerObject(plane, ns, TestProviders.BOOTSTRAP_CONFIG, "m1");
        MachineFixtures.providerObject(plane, ns, TestProviders.INFRA_MACHINE, "m1");
        ObjectNode machine = MachineFixtures.machine(ns, CLUSTER, "m1");
        ((ObjectNode) machine.get("metadata")).putObject("labels").put("node-role.kubernetes.io/worker", "")
                .put("not-synced.example.com/x", "y");
        ((ObjectNode) machine.get("metadata")).putObject("annotations").put("node.cluster.x-k8s.io/pool", "blue");
        plane.create(CoreKinds.MACHINE, machine);

        JsonNode pending = awaitMachine(ns, "m1", m -> "Pending".equals(m.at("/status/phase").asText())
                && condition(m, "BootstrapConfigReady").path("status").asText().equals("False"));
        assertThat(pending.at("/metadata/finalizers").toString()).contains("machine.cluster.x-k8s.io");
        assertThat(pending.at("/metadata/labels/cluster.x-k8s.io~1cluster-name").asText()).isEqualTo(CLUSTER);
        assertThat(pending.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Cluster");
        JsonNode config = plane.get(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG), ns, "m1").orElseThrow();
        assertThat(config.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Machine");
        assertThat(config.at("/metadata/ownerReferences/0/controller").asBoolean()).isTrue();
        assertThat(config.at("/metadata/labels/cluster.x-k8s.io~1cluster-name").asText()).isEqualTo(CLUSTER);

        plane.bootstrapReady(ns, "m1");
        JsonNode provisioning = awaitMachine(ns, "m1", m -> "Provisioning".equals(m.at("/status/phase").asText()));
        assertThat(provisioning.at("/spec/bootstrap/dataSecretName").asText()).isEqualTo("m1");
        assertThat(provisioning.at("/status/initialization/bootstrapDataSecretCreated").asBoolean()).isTrue();
        assertThat(condition(provisioning, "BootstrapConfigReady").path("status").asText()).isEqualTo("True");

        plane.provisionInfraMachine(ns, "m1", "test://m1");
        JsonNode provisioned = awaitMachine(ns, "m1", m -> "Provisioned".equals(m.at("/status/phase").asText()));
        assertThat(provisioned.at("/spec/providerID").asText()).isEqualTo("test://m1");
        assertThat(provisioned.at("/status/addresses/0/address").asText()).isEqualTo("10.0.0.1");
        assertThat(condition(provisioned, "InfrastructureReady").path("status").asText()).isEqualTo("True");
        assertThat(condition(provisioned, "Ready").path("status").asText()).isNotEqualTo("True");

        createNodeWithUninitializedTaint(workload, "n1", "test://m1");
        JsonNode running = awaitMachine(ns, "m1", m -> "Running".equals(m.at("/status/phase").asText())
                && "True".equals(condition(m, "Available").path("status").asText()));
        assertThat(running.at("/status/nodeRef/name").asText()).isEqualTo("n1");
        assertThat(running.at("/status/nodeInfo/kubeletVersion").asText()).isEqualTo("v1.33.0");
        assertThat(running.at("/status/lastUpdated").asText()).isNotEmpty();
        for (String type : List.of("NodeReady", "NodeHealthy", "Ready")) {
            assertThat(condition(running, type).path("status").asText()).as(type).isEqualTo("True");
        }
        assertThat(running.at("/status/conditions").toString()).doesNotContain("UpToDate");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Node node = workload.client().nodes().withName("n1").get();
            assertThat(node.getMetadata().getAnnotations())
                    .containsEntry("cluster.x-k8s.io/cluster-name", CLUSTER)
                    .containsEntry("cluster.x-k8s.io/cluster-namespace", ns)
                    .containsEntry("cluster.x-k8s.io/machine", "m1")
                    .containsEntry("node.cluster.x-k8s.io/pool", "blue");
            assertThat(node.getMetadata().getLabels()).containsKey("node-role.kubernetes.io/worker")
                    .doesNotContainKey("not-synced.example.com/x");
            assertThat(taintKeys(node)).doesNotContain(NodeMetadataSync.UNINITIALIZED_TAINT_KEY);
        });

        workload.client().nodes().withName("n1").delete();
        JsonNode nodeGone = awaitMachine(ns, "m1", m -> "NodeDeleted".equals(
                condition(m, "NodeHealthy").path("reason").asText()));
        assertThat(condition(nodeGone, "NodeHealthy").path("status").asText()).isEqualTo("False");
        assertThat(condition(nodeGone, "Ready").path("status").asText()).isEqualTo("False");
    }

    @Test
    void deletionWaitsForHooksDrainsAndRemovesProviderObjectsThenTheNode() throws Exception {
        String ns = plane.newNamespace("machine-delete");
        MachineFixtures.readyCluster(plane, ns, CLUSTER);
        WorkloadCluster workload = plane.startWorkloadCluster(ns, CLUSTER);
        createControlPlaneMachine(ns);
        MachineFixtures.providerObject(plane, ns, TestProviders.BOOTSTRAP_CONFIG, "w1");
        MachineFixtures.providerObject(plane, ns, TestProviders.INFRA_MACHINE, "w1");
        ObjectNode machine = MachineFixtures.machine(ns, CLUSTER, "w1");
        ((ObjectNode) machine.get("metadata")).putObject("annotations").put(PRE_DRAIN_HOOK, "")
                .put(PRE_TERMINATE_HOOK, "");
        plane.create(CoreKinds.MACHINE, machine);
        plane.bootstrapReady(ns, "w1");
        plane.provisionInfraMachine(ns, "w1", "test://w1");
        workload.createNode("w1-node", "test://w1");
        awaitMachine(ns, "w1", m -> "Running".equals(m.at("/status/phase").asText()));
        createPod(workload, "app", null);
        createPod(workload, "agent", "DaemonSet");

        List<String> order = Collections.synchronizedList(new ArrayList<>());
        try (var infraWatch = watchDeletion(TestProviders.kind(TestProviders.INFRA_MACHINE), ns, "w1", "infra", order);
                var bootstrapWatch = watchDeletion(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG), ns, "w1",
                        "bootstrap", order);
                var machineWatch = watchDeletion(CoreKinds.MACHINE, ns, "w1", "machine", order);
                var nodeWatch = workload.client().nodes().withName("w1-node").watch(new Watcher<Node>() {
                    @Override
                    public void eventReceived(Action action, Node node) {
                        if (Boolean.TRUE.equals(node.getSpec().getUnschedulable()) && !order.contains("cordon")) {
                            order.add("cordon");
                        }
                        if (action == Action.DELETED) {
                            order.add("node");
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            plane.delete(CoreKinds.MACHINE, ns, "w1");

            JsonNode preDrain = awaitMachine(ns, "w1", m -> "WaitingForPreDrainHook".equals(
                    condition(m, "Deleting").path("reason").asText()));
            assertThat(preDrain.at("/status/phase").asText()).isEqualTo("Deleting");
            assertThat(preDrain.at("/status/deletion/waitForPreDrainHookStartTime").asText()).isNotEmpty();
            assertThat(condition(preDrain, "Deleting").path("message").asText()).contains(PRE_DRAIN_HOOK);
            assertThat(workload.client().nodes().withName("w1-node").get().getSpec().getUnschedulable()).isNotEqualTo(true);

            removeAnnotation(ns, "w1", PRE_DRAIN_HOOK);
            JsonNode preTerminate = awaitMachine(ns, "w1", m -> "WaitingForPreTerminateHook".equals(
                    condition(m, "Deleting").path("reason").asText()));
            assertThat(preTerminate.at("/status/deletion/nodeDrainStartTime").asText()).isNotEmpty();
            assertThat(preTerminate.at("/status/deletion/waitForNodeVolumeDetachStartTime").asText()).isNotEmpty();
            assertThat(preTerminate.at("/status/deletion/waitForPreTerminateHookStartTime").asText()).isNotEmpty();
            assertThat(workload.client().nodes().withName("w1-node").get().getSpec().getUnschedulable()).isTrue();
            assertThat(workload.client().pods().inNamespace("default").withName("app").get()).isNull();
            assertThat(workload.client().pods().inNamespace("default").withName("agent").get()).isNotNull();
            assertThat(plane.get(TestProviders.kind(TestProviders.INFRA_MACHINE), ns, "w1")).isPresent();
            assertThat(plane.get(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG), ns, "w1")).isPresent();

            removeAnnotation(ns, "w1", PRE_TERMINATE_HOOK);
            await().atMost(TIMEOUT).until(() -> plane.get(CoreKinds.MACHINE, ns, "w1").isEmpty());
            await().atMost(TIMEOUT).until(() -> order.contains("machine") && order.contains("node"));
        }
        System.out.println("machine deletion order observed: " + order);
        assertThat(order).containsSubsequence("cordon", "infra", "bootstrap", "node", "machine");
        assertThat(workload.client().nodes().withName("w1-node").get()).isNull();
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static JsonNode awaitMachine(String ns, String name, Predicate<JsonNode> condition) {
        Object[] last = new Object[1];
        try {
            return await().atMost(TIMEOUT).until(() -> {
                Optional<ObjectNode> m = plane.get(CoreKinds.MACHINE, ns, name);
                last[0] = m.orElse(null);
                return m.orElse(null);
            }, m -> m != null && condition.test(m));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Machine " + ns + "/" + name + " never matched; last seen: " + last[0], e);
        }
    }

    private static JsonNode condition(JsonNode machine, String type) {
        for (JsonNode c : machine.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void createControlPlaneMachine(String ns) {
        ObjectNode cp = MachineFixtures.machine(ns, CLUSTER, "cp");
        ((ObjectNode) cp.get("metadata")).putObject("labels").put("cluster.x-k8s.io/control-plane", "");
        ObjectNode bootstrap = (ObjectNode) cp.at("/spec/bootstrap");
        bootstrap.remove("configRef");
        bootstrap.put("dataSecretName", "cp-bootstrap");
        plane.create(CoreKinds.MACHINE, cp);
    }

    /** A kubelet registering: the uninitialized taint at creation, then all node conditions healthy. */
    private static void createNodeWithUninitializedTaint(WorkloadCluster workload, String name, String providerID) {
        Node node = new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withProviderID(providerID)
                .addNewTaint().withKey(NodeMetadataSync.UNINITIALIZED_TAINT_KEY).withEffect("NoSchedule").endTaint()
                .endSpec().build();
        workload.client().nodes().resource(node).create();
        workload.setNodeStatus(node.getMetadata().getName(), new NodeStatusBuilder()
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("False").endCondition()
                .addNewCondition().withType("PIDPressure").withStatus("False").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.33.0").withOsImage("test").withArchitecture("amd64")
                .withOperatingSystem("linux").withContainerRuntimeVersion("test://1").withKernelVersion("6")
                .withKubeProxyVersion("v1.33.0").withMachineID("m").withSystemUUID("u").withBootID("b").endNodeInfo()
                .build());
    }

    private static List<String> taintKeys(Node node) {
        return node.getSpec().getTaints() == null ? List.of()
                : node.getSpec().getTaints().stream().map(Taint::getKey).toList();
    }

    private static void removeAnnotation(String ns, String name, String key) {
        plane.mergePatch(CoreKinds.MACHINE, ns, name, "{\"metadata\":{\"annotations\":{\"" + key + "\":null}}}");
    }

    private static void createPod(WorkloadCluster workload, String name, String controllerKind) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withNodeName("w1-node").addNewContainer().withName("c").withImage("busybox")
                .endContainer().endSpec();
        if (controllerKind != null) {
            pod.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind(controllerKind)
                    .withName(name).withUid("uid-" + name).withController(true).endOwnerReference().endMetadata();
        }
        Pod built = pod.build();
        workload.client().pods().inNamespace("default").resource(built).create();
    }

    private static io.fabric8.kubernetes.client.Watch watchDeletion(
            io.capj.runtime.ResourceKind<GenericKubernetesResource> kind, String ns, String name, String label,
            List<String> order) {
        return plane.client().genericKubernetesResources(kind.definitionContext()).inNamespace(ns).withName(name)
                .watch(new Watcher<GenericKubernetesResource>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource resource) {
                        if (action == Action.DELETED) {
                            order.add(label);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                });
    }
}
