package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MachineDeployment controller against a real API server, with only that controller running: the test
 * plays the MachineSet controller through {@link MachineSetSimulator}.
 */
class MachineDeploymentControllerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static CorePlane plane;

    private final List<MachineSetSimulator> simulators = new ArrayList<>();

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        plane.startControllers((manager, remotes) -> MachineDeploymentController.register(manager));
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @AfterEach
    void closeSimulators() {
        simulators.forEach(MachineSetSimulator::close);
    }

    @Test
    void createsOneMachineSetAndDeletesItWithTheDeployment() {
        String ns = world("create");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 3, "v1.30.0"));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            ObjectNode md = get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md");
            assertThat(md.at("/status/availableReplicas").asInt()).isEqualTo(3);
            assertThat(md.at("/status/phase").asText()).isEqualTo("Running");
        });
        List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
        assertThat(sets).hasSize(1);
        ObjectNode ms = sets.get(0);
        String hash = ms.at("/metadata/labels").path(CoreLabels.MachineDeploymentUniqueLabel).asText();
        assertThat(MachineSetJson.name(ms)).matches("md-[a-z0-9]{5}");
        assertThat(hash).matches("\\d+-[a-z0-9]{5}").endsWith(MachineSetJson.name(ms).substring(3));
        assertThat(ms.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(ms.at("/spec/selector/matchLabels").path(CoreLabels.MachineDeploymentUniqueLabel).asText())
                .isEqualTo(hash);
        assertThat(ms.at("/spec/template/metadata/labels").path(CoreLabels.MachineDeploymentUniqueLabel).asText())
                .isEqualTo(hash);
        assertThat(ms.at("/metadata/labels").path(CoreLabels.MachineDeploymentNameLabel).asText()).isEqualTo("md");
        assertThat(ms.at("/metadata/annotations").path(CoreAnnotations.RevisionAnnotation).asText()).isEqualTo("1");
        assertThat(ms.at("/metadata/annotations").path(CoreAnnotations.DesiredReplicasAnnotation).asText())
                .isEqualTo("3");
        assertThat(ms.at("/metadata/annotations").path(CoreAnnotations.MaxReplicasAnnotation).asText())
                .isEqualTo("4");
        assertThat(ms.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("MachineDeployment");
        assertThat(ms.at("/metadata/ownerReferences/0/controller").asBoolean()).isTrue();

        ObjectNode md = get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md");
        assertThat(md.at("/metadata/annotations").path(CoreAnnotations.RevisionAnnotation).asText()).isEqualTo("1");
        assertThat(md.at("/metadata/finalizers").toString()).contains(CoreFinalizers.MachineDeploymentFinalizer);
        assertThat(md.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Cluster");
        assertThat(condition(md, "Available").path("status").asText()).isEqualTo("True");
        assertThat(condition(md, "Paused").path("status").asText()).isEqualTo("False");
        assertThat(condition(md, "ScalingUp").path("status").asText()).isEqualTo("False");
        assertThat(md.at("/status/observedGeneration").asLong()).isEqualTo(md.at("/metadata/generation").asLong());
        assertThat(md.at("/status/selector").asText()).contains(CoreLabels.MachineDeploymentNameLabel + "=md");
        assertThat(get(TestProviders.kind(TestProviders.INFRA_MACHINE_TEMPLATE), ns, "infra")
                .at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Cluster");
        await().atMost(TIMEOUT).until(() -> eventReasons(ns).contains("SuccessfulCreate"));

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", "{\"metadata\":{\"annotations\":{\"example.com/a\":\"1\"}},"
                + "\"spec\":{\"deletion\":{\"order\":\"Oldest\"},\"template\":{\"metadata\":{\"labels\":"
                + "{\"example.com/l\":\"x\"}},\"spec\":{\"minReadySeconds\":7}}}}");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ObjectNode> now = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(now).extracting(MachineSetJson::name).containsExactly(MachineSetJson.name(ms));
            ObjectNode updated = now.get(0);
            assertThat(updated.at("/metadata/annotations").path("example.com/a").asText()).isEqualTo("1");
            assertThat(updated.at("/spec/deletion/order").asText()).isEqualTo("Oldest");
            assertThat(updated.at("/spec/template/metadata/labels").path("example.com/l").asText()).isEqualTo("x");
            assertThat(updated.at("/spec/template/spec/minReadySeconds").asInt()).isEqualTo(7);
        });

        plane.delete(CoreKinds.MACHINE_DEPLOYMENT, ns, "md");
        await().atMost(TIMEOUT).until(() -> plane.list(CoreKinds.MACHINE_SET, ns).isEmpty()
                && plane.get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md").isEmpty());
    }

    @Test
    void adoptsAnOrphanMachineSetItsSelectorMatches() {
        String ns = world("adopt");
        ObjectNode deployment = deployment(ns, "md", 2, "v1.30.0");
        ObjectNode orphan = Json.object().put("apiVersion", "cluster.x-k8s.io/v1beta2").put("kind", "MachineSet");
        ObjectNode labels = orphan.putObject("metadata").put("name", "orphan").put("namespace", ns).putObject("labels");
        labels.put(CoreLabels.MachineDeploymentNameLabel, "md").put(CoreLabels.MachineDeploymentUniqueLabel, "1-abcde");
        ObjectNode spec = orphan.putObject("spec").put("clusterName", "c1").put("replicas", 2);
        spec.putObject("selector").set("matchLabels", labels.deepCopy());
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", labels.deepCopy());
        template.set("spec", deployment.at("/spec/template/spec").deepCopy());
        plane.create(CoreKinds.MACHINE_SET, orphan);

        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            ObjectNode ms = get(CoreKinds.MACHINE_SET, ns, "orphan");
            assertThat(ms.at("/metadata/ownerReferences/0/name").asText()).isEqualTo("md");
            assertThat(ms.at("/metadata/ownerReferences/0/controller").asBoolean()).isTrue();
            assertThat(ms.at("/metadata/annotations").path(CoreAnnotations.RevisionAnnotation).asText()).isEqualTo("1");
            assertThat(get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md").at("/status/availableReplicas").asInt()).isEqualTo(2);
        });
        assertThat(plane.list(CoreKinds.MACHINE_SET, ns)).hasSize(1);
        await().atMost(TIMEOUT).until(() -> eventReasons(ns).contains("SuccessfulAdopt"));
    }

    @Test
    void rollingUpdateStaysWithinMaxSurgeAndMaxUnavailable() {
        String ns = world("rolling");
        MachineSetSimulator simulator = simulators.get(simulators.size() - 1);
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 10, "v1.30.0"));
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 10);
        String oldName = MachineSetJson.name(plane.list(CoreKinds.MACHINE_SET, ns).get(0));
        simulator.resetRecording();

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md",
                "{\"spec\":{\"template\":{\"spec\":{\"version\":\"v1.31.0\"}}}}");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(sets).hasSize(1);
            ObjectNode ms = sets.get(0);
            assertThat(MachineSetJson.name(ms)).isNotEqualTo(oldName);
            assertThat(ms.at("/spec/replicas").asInt()).isEqualTo(10);
            assertThat(ms.at("/spec/template/spec/version").asText()).isEqualTo("v1.31.0");
            assertThat(ms.at("/metadata/annotations").path(CoreAnnotations.RevisionAnnotation).asText())
                    .isEqualTo("2");
        });
        assertThat(simulator.maxTotal()).isEqualTo(11);
        assertThat(simulator.minAvailable()).isGreaterThanOrEqualTo(10);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/metadata/annotations").path(CoreAnnotations.RevisionAnnotation).asText()).isEqualTo("2"));
        assertThat(eventReasons(ns)).contains("SuccessfulScale", "SuccessfulDelete");
    }

    @Test
    void scalingMidRolloutResizesMachineSetsProportionally() {
        String ns = world("proportional");
        MachineSetSimulator simulator = simulators.get(simulators.size() - 1);
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 4, "v1.30.0"));
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 4);
        String oldName = MachineSetJson.name(plane.list(CoreKinds.MACHINE_SET, ns).get(0));
        simulator.stallNewMachineSets();
        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md",
                "{\"spec\":{\"template\":{\"spec\":{\"version\":\"v1.31.0\"}}}}");
        await().atMost(TIMEOUT).until(() -> plane.list(CoreKinds.MACHINE_SET, ns).size() == 2);
        String newName = MachineSetJson.name(newSet(ns, oldName));

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", "{\"spec\":{\"replicas\":8}}");

        // 4 old + 1 stalled new, scaled towards 8 + maxSurge 1: each keeps its share (7.2 and 1.8, rounded).
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(get(CoreKinds.MACHINE_SET, ns, oldName).at("/spec/replicas").asInt()).isEqualTo(7);
            assertThat(get(CoreKinds.MACHINE_SET, ns, newName).at("/spec/replicas").asInt()).isEqualTo(2);
        });
        simulator.release(newName);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(sets).extracting(MachineSetJson::name).containsExactly(newName);
            assertThat(sets.get(0).at("/spec/replicas").asInt()).isEqualTo(8);
        });
    }

    @Test
    void onDeleteReplacesOnlyMachinesUsersDeleted() {
        String ns = world("ondelete");
        MachineSetSimulator simulator = simulators.get(simulators.size() - 1);
        ObjectNode deployment = deployment(ns, "md", 3, "v1.30.0");
        deployment.withObject("/spec").putObject("rollout").putObject("strategy").put("type", "OnDelete");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment);
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 3);
        String oldName = MachineSetJson.name(plane.list(CoreKinds.MACHINE_SET, ns).get(0));
        simulator.machinesLeft(oldName, 3);

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md",
                "{\"spec\":{\"template\":{\"spec\":{\"version\":\"v1.31.0\"}}}}");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(plane.list(CoreKinds.MACHINE_SET, ns)).hasSize(2);
            assertThat(newSet(ns, oldName).at("/spec/replicas").asInt()).isZero();
            ObjectNode old = get(CoreKinds.MACHINE_SET, ns, oldName);
            assertThat(old.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(old.at("/metadata/annotations").path(CoreAnnotations.DisableMachineCreateAnnotation).asText())
                    .isEqualTo("true");
        });

        simulator.machinesLeft(oldName, 2);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(get(CoreKinds.MACHINE_SET, ns, oldName).at("/spec/replicas").asInt()).isEqualTo(2);
            assertThat(newSet(ns, oldName).at("/spec/replicas").asInt()).isEqualTo(1);
        });

        simulator.machinesLeft(oldName, 0);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(sets).extracting(MachineSetJson::name).doesNotContain(oldName).hasSize(1);
            assertThat(sets.get(0).at("/spec/replicas").asInt()).isEqualTo(3);
        });
    }

    @Test
    void pausedDeploymentScalesButDoesNotRollOut() {
        String ns = world("paused");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 3, "v1.30.0"));
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 3);
        String name = MachineSetJson.name(plane.list(CoreKinds.MACHINE_SET, ns).get(0));

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md",
                "{\"spec\":{\"paused\":true,\"template\":{\"spec\":{\"version\":\"v1.31.0\"}}}}");
        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", "{\"spec\":{\"replicas\":5}}");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            ObjectNode md = get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md");
            assertThat(md.at("/status/observedGeneration").asLong()).isEqualTo(md.at("/metadata/generation").asLong());
            assertThat(md.at("/status/availableReplicas").asInt()).isEqualTo(5);
        });
        List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
        assertThat(sets).extracting(MachineSetJson::name).containsExactly(name);
        assertThat(sets.get(0).at("/spec/template/spec/version").asText()).isEqualTo("v1.30.0");

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", "{\"spec\":{\"paused\":false}}");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ObjectNode> now = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(now).hasSize(1);
            assertThat(now.get(0).at("/spec/template/spec/version").asText()).isEqualTo("v1.31.0");
            assertThat(now.get(0).at("/spec/replicas").asInt()).isEqualTo(5);
        });
    }

    @Test
    void pausedClusterStopsReconciliationUntilResumed() {
        String ns = world("clusterpause");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 2, "v1.30.0"));
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 2);

        plane.mergePatch(CoreKinds.CLUSTER, ns, "c1", "{\"spec\":{\"paused\":true}}");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode paused = condition(get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md"), "Paused");
            assertThat(paused.path("status").asText()).isEqualTo("True");
            assertThat(paused.path("message").asText()).isEqualTo("Cluster spec.paused is set to true");
        });
        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md",
                "{\"spec\":{\"template\":{\"spec\":{\"version\":\"v1.31.0\"}}}}");
        plane.mergePatch(CoreKinds.CLUSTER, ns, "c1", "{\"spec\":{\"paused\":false}}");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            ObjectNode md = get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md");
            assertThat(condition(md, "Paused").path("status").asText()).isEqualTo("False");
            List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(sets).hasSize(1);
            assertThat(sets.get(0).at("/spec/template/spec/version").asText()).isEqualTo("v1.31.0");
        });
    }

    @Test
    void rolloutAfterRestartsTheRollout() {
        String ns = world("restart");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 2, "v1.30.0"));
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 2);
        String oldName = MachineSetJson.name(plane.list(CoreKinds.MACHINE_SET, ns).get(0));

        String after = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md",
                "{\"spec\":{\"rollout\":{\"after\":\"" + after + "\"}}}");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ObjectNode> sets = plane.list(CoreKinds.MACHINE_SET, ns);
            assertThat(sets).hasSize(1);
            assertThat(MachineSetJson.name(sets.get(0))).isNotEqualTo(oldName);
            assertThat(sets.get(0).at("/spec/replicas").asInt()).isEqualTo(2);
            assertThat(MachineSetJson.creationTimestamp(sets.get(0))).isAfterOrEqualTo(Instant.parse(after));
        });
    }

    @Test
    void scaleSubresourceScalesTheMachineSet() {
        String ns = world("scale");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment(ns, "md", 1, "v1.30.0"));
        await().atMost(TIMEOUT).until(() -> get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md")
                .at("/status/availableReplicas").asInt() == 1);

        plane.client().genericKubernetesResources(CoreKinds.MACHINE_DEPLOYMENT.definitionContext()).inNamespace(ns)
                .withName("md").subresource("scale")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(plane.list(CoreKinds.MACHINE_SET, ns).get(0).at("/spec/replicas").asInt()).isEqualTo(4);
            JsonNode scale = Json.MAPPER.valueToTree(plane.client()
                    .genericKubernetesResources(CoreKinds.MACHINE_DEPLOYMENT.definitionContext()).inNamespace(ns)
                    .withName("md").scale());
            assertThat(scale.at("/status/replicas").asInt()).isEqualTo(4);
            assertThat(scale.at("/status/selector").asText()).contains(CoreLabels.MachineDeploymentNameLabel + "=md");
        });
    }

    // ---- world ------------------------------------------------------------------------------------------

    /** A namespace with a Cluster, an infrastructure template and a running MachineSet simulator. */
    private String world(String prefix) {
        String ns = plane.newNamespace(prefix);
        simulators.add(new MachineSetSimulator(plane.client(), ns));
        ObjectNode cluster = Json.object().put("apiVersion", "cluster.x-k8s.io/v1beta2").put("kind", "Cluster");
        cluster.putObject("metadata").put("name", "c1").put("namespace", ns);
        cluster.putObject("spec").putObject("infrastructureRef").put("apiGroup", TestProviders.INFRA_GROUP)
                .put("kind", TestProviders.INFRA_CLUSTER).put("name", "c1");
        plane.create(CoreKinds.CLUSTER, cluster);
        ObjectNode template = Json.object().put("apiVersion", TestProviders.apiVersion(TestProviders.INFRA_MACHINE_TEMPLATE))
                .put("kind", TestProviders.INFRA_MACHINE_TEMPLATE);
        template.putObject("metadata").put("name", "infra").put("namespace", ns);
        template.putObject("spec").putObject("template").putObject("spec");
        plane.create(TestProviders.kind(TestProviders.INFRA_MACHINE_TEMPLATE), template);
        return ns;
    }

    private static ObjectNode deployment(String ns, String name, int replicas, String version) {
        ObjectNode md = Json.object().put("apiVersion", "cluster.x-k8s.io/v1beta2").put("kind", "MachineDeployment");
        md.putObject("metadata").put("name", name).put("namespace", ns);
        ObjectNode spec = md.putObject("spec").put("clusterName", "c1").put("replicas", replicas);
        ObjectNode machine = spec.putObject("template").putObject("spec").put("clusterName", "c1")
                .put("version", version);
        machine.putObject("bootstrap").put("dataSecretName", "bootstrap-data");
        machine.putObject("infrastructureRef").put("apiGroup", TestProviders.INFRA_GROUP)
                .put("kind", TestProviders.INFRA_MACHINE_TEMPLATE).put("name", "infra");
        return md;
    }

    /** The MachineSet of the deployment other than {@code oldName}. */
    private static ObjectNode newSet(String ns, String oldName) {
        return plane.list(CoreKinds.MACHINE_SET, ns).stream().filter(ms -> !MachineSetJson.name(ms).equals(oldName))
                .findFirst().orElseThrow();
    }

    private static ObjectNode get(ResourceKind<GenericKubernetesResource> kind, String ns, String name) {
        return plane.get(kind, ns, name).orElseThrow(() -> new AssertionError(kind.kind() + " " + name + " not found"));
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return Json.object();
    }

    private static List<String> eventReasons(String ns) {
        return plane.client().v1().events().inNamespace(ns).list().getItems().stream().map(Event::getReason).toList();
    }
}
