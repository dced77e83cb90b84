package io.capj.infrastructure.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.certs.CertifiedKey;
import io.capj.core.CoreControllers;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.infrastructure.dev.etcd.EtcdAlarm;
import io.capj.infrastructure.dev.etcd.EtcdAnnotations;
import io.capj.infrastructure.dev.etcd.EtcdMember;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.capj.infrastructure.dev.workload.WorkloadServer;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stories of the Dev provider's inMemory backend against a real management plane running core's controllers:
 * clusters get endpoints, machines become Running with Nodes in a workload cluster served by our own API
 * server, control plane machines get etcd members and static pods, failures can be injected, and a restarted
 * provider brings its workload clusters back.
 */
class DevProviderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static CorePlane plane;
    private static Path dataRoot;
    private static DevProvider provider;

    private String ns;

    @BeforeAll
    static void start() throws IOException {
        plane = CorePlane.start();
        dataRoot = Files.createTempDirectory("capj-dev-test");
        startProvider();
    }

    @AfterAll
    static void stop() throws IOException {
        plane.stopControllers();
        provider.close();
        plane.close();
        try (Stream<Path> paths = Files.walk(dataRoot)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @BeforeEach
    void namespace() {
        ns = plane.newNamespace("dev");
    }

    @Test
    void clusterAndMachinesProvisionIntoTheWorkloadCluster() {
        int port = clusterWithSecrets("c1");
        ObjectNode cluster = awaitObject(CoreKinds.CLUSTER, "c1", c -> "Provisioned".equals(c.at("/status/phase").asText()));
        assertThat(cluster.at("/spec/controlPlaneEndpoint/host").asText()).isEqualTo("127.0.0.1");
        assertThat(cluster.at("/spec/controlPlaneEndpoint/port").asInt()).isEqualTo(port);

        DevFixtures.machine(plane, ns, "c1", "cp-0", true, Map.of());
        DevFixtures.machine(plane, ns, "c1", "md-0", false, Map.of());
        DevFixtures.machine(plane, ns, "c1", "md-1", false, Map.of());
        ObjectNode cp = awaitObject(DevKinds.DEV_MACHINE, "cp-0",
                m -> isTrue(m, DevConditions.APIServerProvisionedCondition));
        assertThat(condition(cp, DevConditions.EtcdProvisionedCondition).path("reason").asText())
                .isEqualTo(DevConditions.ProvisionedReason);
        DevFixtures.controlPlaneInitialized(plane, ns, "c1");
        for (String name : List.of("cp-0", "md-0", "md-1")) {
            ObjectNode machine = awaitObject(CoreKinds.MACHINE, name, m -> "Running".equals(m.at("/status/phase").asText())
                    && m.at("/status/nodeRef/name").isTextual());
            assertThat(machine.at("/status/nodeRef/name").asText()).isEqualTo(name);
            ObjectNode devMachine = plane.get(DevKinds.DEV_MACHINE, ns, name).orElseThrow();
            assertThat(devMachine.at("/spec/providerID").asText()).isEqualTo("in-memory://" + name);
            assertThat(condition(devMachine, "Ready").path("status").asText()).isEqualTo("True");
        }

        try (KubernetesClient workload = DevFixtures.workloadClient(plane, ns, "c1")) {
            Node cpNode = workload.nodes().withName("cp-0").get();
            assertThat(cpNode.getSpec().getProviderID()).isEqualTo("in-memory://cp-0");
            assertThat(cpNode.getMetadata().getLabels()).containsKey("node-role.kubernetes.io/control-plane");
            assertThat(cpNode.getSpec().getTaints()).extracting("key").contains("node-role.kubernetes.io/control-plane");
            assertThat(cpNode.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo(DevFixtures.VERSION);
            assertThat(workload.nodes().withName("md-0").get().getMetadata().getLabels())
                    .doesNotContainKey("node-role.kubernetes.io/control-plane");
            Pod etcd = workload.pods().inNamespace("kube-system").withName("etcd-cp-0").get();
            assertThat(etcd.getMetadata().getAnnotations()).containsKeys(EtcdAnnotations.CLUSTER_ID,
                    EtcdAnnotations.MEMBER_ID, EtcdAnnotations.LEADER_FROM);
            for (String component : List.of("kube-apiserver", "kube-scheduler", "kube-controller-manager")) {
                Pod pod = workload.pods().inNamespace("kube-system").withName(component + "-cp-0").get();
                assertThat(pod.getMetadata().getLabels()).containsEntry("component", component)
                        .containsEntry("tier", "control-plane");
                assertThat(pod.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready")
                        && c.getStatus().equals("True"));
            }
            assertThat(workload.configMaps().inNamespace("kube-system").withName("kubeadm-config").get().getData()
                    .get("ClusterConfiguration")).contains("kubernetesVersion: " + DevFixtures.VERSION);

            plane.delete(DevKinds.DEV_MACHINE, ns, "md-1");
            await().atMost(TIMEOUT).until(() -> workload.nodes().withName("md-1").get() == null);
            assertThat(workload.nodes().withName("md-0").get()).isNotNull();
        }
    }

    @Test
    void simulatedEtcdListsMovesLeaderAndRemovesMembers() {
        clusterWithSecrets("c2");
        DevFixtures.machine(plane, ns, "c2", "cp-a", true, Map.of());
        awaitObject(DevKinds.DEV_MACHINE, "cp-a", m -> isTrue(m, DevConditions.EtcdProvisionedCondition));
        DevFixtures.machine(plane, ns, "c2", "cp-b", true, Map.of());
        awaitObject(DevKinds.DEV_MACHINE, "cp-b", m -> isTrue(m, DevConditions.EtcdProvisionedCondition));
        SimulatedEtcd etcd = new SimulatedEtcd(server("c2").client());

        List<EtcdMember> members = etcd.members();
        assertThat(members).extracting(EtcdMember::name).containsExactly("cp-a", "cp-b");
        assertThat(members).filteredOn(EtcdMember::leader).extracting(EtcdMember::name).containsExactly("cp-a");
        long b = members.get(1).id();

        etcd.moveLeader(b);
        assertThat(etcd.members()).filteredOn(EtcdMember::leader).extracting(EtcdMember::id).containsExactly(b);
        assertThat(etcd.status("cp-a").leaderId()).isEqualTo(b);

        etcd.raiseAlarm(b, EtcdAlarm.NOSPACE);
        assertThat(etcd.alarms()).containsEntry(b, Set.of(EtcdAlarm.NOSPACE));
        etcd.disarmAlarm(b, EtcdAlarm.NOSPACE);
        assertThat(etcd.alarms()).isEmpty();

        etcd.removeMember(members.get(0).id());
        assertThat(etcd.members()).extracting(EtcdMember::name).containsExactly("cp-b");
    }

    @Test
    void failuresCanBeInjectedWithAnnotations() {
        clusterWithSecrets("c3");
        DevFixtures.machine(plane, ns, "c3", "failing", false, Map.of(DevAnnotations.FAIL_PROVISIONING, ""));
        DevFixtures.machine(plane, ns, "c3", "nodeless", false, Map.of(DevAnnotations.NO_NODE, ""));
        DevFixtures.machine(plane, ns, "c3", "flaky", false, Map.of());

        ObjectNode failing = awaitObject(DevKinds.DEV_MACHINE, "failing",
                m -> DevConditions.NotProvisionedReason.equals(condition(m, DevConditions.VMProvisionedCondition)
                        .path("reason").asText()));
        assertThat(condition(failing, DevConditions.VMProvisionedCondition).path("message").asText())
                .contains(DevAnnotations.FAIL_PROVISIONING);
        assertThat(failing.at("/status/initialization/provisioned").asBoolean(false)).isFalse();

        ObjectNode nodeless = awaitObject(DevKinds.DEV_MACHINE, "nodeless",
                m -> m.at("/status/initialization/provisioned").asBoolean(false)
                        && condition(m, DevConditions.NodeProvisionedCondition).path("message").asText()
                                .contains(DevAnnotations.NO_NODE));
        assertThat(condition(nodeless, DevConditions.NodeProvisionedCondition).path("status").asText())
                .isEqualTo("False");

        awaitObject(DevKinds.DEV_MACHINE, "flaky", m -> isTrue(m, DevConditions.NodeProvisionedCondition));
        KubernetesClient workload = server("c3").client();
        assertThat(workload.nodes().withName("nodeless").get()).isNull();
        annotate("flaky", DevAnnotations.NODE_NOT_READY, "");
        await().atMost(TIMEOUT).until(() -> "False".equals(nodeReady(workload, "flaky")));
        annotate("flaky", DevAnnotations.NODE_NOT_READY, null);
        await().atMost(TIMEOUT).until(() -> "True".equals(nodeReady(workload, "flaky")));
        annotate("flaky", DevAnnotations.NODE_GONE, "");
        await().atMost(TIMEOUT).until(() -> workload.nodes().withName("flaky").get() == null);
        annotate("flaky", DevAnnotations.NODE_GONE, null);
        await().atMost(TIMEOUT).until(() -> workload.nodes().withName("flaky").get() != null);

        annotate("failing", DevAnnotations.FAIL_PROVISIONING, null);
        awaitObject(DevKinds.DEV_MACHINE, "failing", m -> m.at("/status/initialization/provisioned").asBoolean(false));
    }

    @Test
    void machinesWaitForTheClusterCaBeforeTheWorkloadClusterStarts() {
        DevFixtures.cluster(plane, ns, "c7", "inMemory");
        awaitObject(DevKinds.DEV_CLUSTER, "c7", c -> c.at("/status/initialization/provisioned").asBoolean(false));
        DevFixtures.machine(plane, ns, "c7", "md-0", false, Map.of());
        awaitObject(DevKinds.DEV_MACHINE, "md-0", m -> DevConditions.WaitingForClusterCertificatesReason
                .equals(condition(m, DevConditions.NodeProvisionedCondition).path("reason").asText()));
        assertThat(provider.server(ns, "c7")).isEmpty();

        DevFixtures.clusterCa(plane, ns, "c7");
        awaitObject(DevKinds.DEV_MACHINE, "md-0", m -> isTrue(m, DevConditions.NodeProvisionedCondition));
        assertThat(server("c7").client().nodes().withName("md-0").get()).isNotNull();
    }

    @Test
    void dockerBackendIsReportedUnavailable() {
        DevFixtures.cluster(plane, ns, "c4", "docker");
        ObjectNode devCluster = awaitObject(DevKinds.DEV_CLUSTER, "c4",
                c -> "False".equals(condition(c, DevConditions.ReadyCondition).path("status").asText()));
        assertThat(condition(devCluster, DevConditions.ReadyCondition).path("reason").asText())
                .isEqualTo(DevConditions.BackendUnavailableReason);
        assertThat(condition(devCluster, DevConditions.ReadyCondition).path("message").asText()).contains("inMemory");
        assertThat(devCluster.at("/status/initialization/provisioned").asBoolean(false)).isFalse();
    }

    @Test
    void pausedDevClusterReportsPaused() {
        DevFixtures.cluster(plane, ns, "c6", "inMemory");
        awaitObject(DevKinds.DEV_CLUSTER, "c6", c -> c.at("/status/initialization/provisioned").asBoolean(false));
        plane.mergePatch(DevKinds.DEV_CLUSTER, ns, "c6",
                "{\"metadata\":{\"annotations\":{\"cluster.x-k8s.io/paused\":\"\"}}}");
        ObjectNode paused = awaitObject(DevKinds.DEV_CLUSTER, "c6", c -> isTrue(c, "Paused"));
        assertThat(condition(paused, "Paused").path("message").asText()).contains("DevCluster");
    }

    @Test
    void restartedProviderRecreatesTheWorkloadClusterAndNodes() {
        int port = clusterWithSecrets("c5");
        DevFixtures.machine(plane, ns, "c5", "cp-0", true, Map.of());
        awaitObject(DevKinds.DEV_MACHINE, "cp-0", m -> isTrue(m, DevConditions.APIServerProvisionedCondition));
        String memberId = server("c5").client().pods().inNamespace("kube-system").withName("etcd-cp-0").get()
                .getMetadata().getAnnotations().get(EtcdAnnotations.MEMBER_ID);

        plane.stopControllers();
        provider.close();
        assertThat(provider.server(ns, "c5")).isEmpty();
        startProvider();

        await().atMost(TIMEOUT).until(() -> provider.server(ns, "c5")
                .map(s -> s.client().nodes().withName("cp-0").get() != null).orElse(false));
        WorkloadServer server = server("c5");
        assertThat(server.port()).isEqualTo(port);
        await().atMost(TIMEOUT).until(() -> server.client().configMaps().inNamespace("kube-system")
                .withName("kubeadm-config").get() != null);
        assertThat(server.client().pods().inNamespace("kube-system").withName("etcd-cp-0").get().getMetadata()
                .getAnnotations()).containsEntry(EtcdAnnotations.MEMBER_ID, memberId)
                .containsKey(EtcdAnnotations.LEADER_FROM);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static void startProvider() {
        provider = new DevProvider(new DevProvider.Settings(22000, 22999, dataRoot));
        plane.startControllers((manager, remotes) -> {
            CoreControllers.register(manager, remotes);
            provider.register(manager);
        });
    }

    /** An inMemory Cluster with its CA and kubeconfig Secrets; returns its endpoint port. */
    private int clusterWithSecrets(String name) {
        DevFixtures.cluster(plane, ns, name, "inMemory");
        CertifiedKey ca = DevFixtures.clusterCa(plane, ns, name);
        ObjectNode devCluster = awaitObject(DevKinds.DEV_CLUSTER, name,
                c -> c.at("/status/initialization/provisioned").asBoolean(false));
        int port = devCluster.at("/spec/controlPlaneEndpoint/port").asInt();
        assertThat(port).isBetween(22000, 22999);
        DevFixtures.kubeconfigIfAbsent(plane, ns, name, ca, port);
        return port;
    }

    private WorkloadServer server(String cluster) {
        await().atMost(TIMEOUT).until(() -> provider.server(ns, cluster).isPresent());
        return provider.server(ns, cluster).orElseThrow();
    }

    private ObjectNode awaitObject(ResourceKind<GenericKubernetesResource> kind, String name,
            Predicate<ObjectNode> condition) {
        return await().atMost(TIMEOUT).until(() -> plane.get(kind, ns, name), o -> o.isPresent() && condition.test(o.get()))
                .orElseThrow();
    }

    private void annotate(String devMachine, String key, String value) {
        String json = value == null ? "null" : "\"" + value + "\"";
        plane.mergePatch(DevKinds.DEV_MACHINE, ns, devMachine,
                "{\"metadata\":{\"annotations\":{\"" + key + "\":" + json + "}}}");
    }

    private static String nodeReady(KubernetesClient workload, String name) {
        Node node = workload.nodes().withName(name).get();
        return node == null ? null : node.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                .findFirst().map(c -> c.getStatus()).orElse(null);
    }

    private static boolean isTrue(JsonNode object, String type) {
        return "True".equals(condition(object, type).path("status").asText());
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return MissingNode.getInstance();
    }
}
