package io.capj.core.machineset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import io.capj.runtime.Manager;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MachineSet controller against a real API server, with no other controller running: the test plays the
 * Machine controller (node references, conditions, finishing deletions) by patching Machines itself.
 */
class MachineSetControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CLUSTER = "c1";
    private static final String INFRA_TEMPLATE = "workers-infra";
    private static final String BOOTSTRAP_TEMPLATE = "workers-bootstrap";
    private static CorePlane plane;
    private static Manager manager;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        manager = plane.startControllers((m, remotes) -> MachineSetController.register(m));
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @Test
    void scaleUpClonesTemplatesIntoObjectsTheMachinesReference() {
        String ns = world("clone");
        createMachineSet(ns, "ms", 3, "Random");

        List<ObjectNode> machines = awaitMachines(ns, 3);

        for (ObjectNode machine : machines) {
            String name = machine.at("/metadata/name").asText();
            assertThat(machine.at("/metadata/labels/" + esc(CoreLabels.MachineSetNameLabel)).asText()).isEqualTo("ms");
            assertThat(machine.at("/metadata/labels/tier").asText()).isEqualTo("workers");
            assertThat(machine.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("MachineSet");
            assertThat(machine.at("/metadata/ownerReferences/0/controller").asBoolean()).isTrue();
            assertThat(machine.at("/spec/infrastructureRef/kind").asText()).isEqualTo(TestProviders.INFRA_MACHINE);
            assertThat(machine.at("/spec/infrastructureRef/name").asText()).isEqualTo(name);
            assertThat(machine.at("/spec/bootstrap/configRef/kind").asText()).isEqualTo(TestProviders.BOOTSTRAP_CONFIG);

            ObjectNode infra = plane.get(TestProviders.kind(TestProviders.INFRA_MACHINE), ns, name).orElseThrow();
            assertThat(annotation(infra, CoreAnnotations.TemplateClonedFromNameAnnotation)).isEqualTo(INFRA_TEMPLATE);
            assertThat(annotation(infra, CoreAnnotations.TemplateClonedFromGroupKindAnnotation))
                    .isEqualTo(TestProviders.INFRA_MACHINE_TEMPLATE + "." + TestProviders.INFRA_GROUP);
            assertThat(infra.at("/spec/size").asText()).isEqualTo("large");
            assertThat(infra.at("/metadata/labels/" + esc(CoreLabels.ClusterNameLabel)).asText()).isEqualTo(CLUSTER);
            assertThat(infra.at("/metadata/labels/" + esc(CoreLabels.MachineSetNameLabel)).asText()).isEqualTo("ms");
            assertThat(infra.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("MachineSet");

            ObjectNode bootstrap = plane.get(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG), ns, name)
                    .orElseThrow();
            assertThat(annotation(bootstrap, CoreAnnotations.TemplateClonedFromNameAnnotation))
                    .isEqualTo(BOOTSTRAP_TEMPLATE);
            assertThat(bootstrap.at("/spec/format").asText()).isEqualTo("cloud-config");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode ms = machineSet(ns, "ms");
            assertThat(ms.at("/status/replicas").asInt()).isEqualTo(3);
            assertThat(ms.at("/status/versions")).isEqualTo(Json.parse("[{\"version\":\"v1.31.0\",\"replicas\":3}]"));
            assertThat(ms.at("/status/selector").asText()).contains(CoreLabels.MachineSetNameLabel + "=ms");
            assertThat(condition(ms, "ScalingUp").path("status").asText()).isEqualTo("False");
            assertThat(ms.at("/metadata/finalizers/0").asText()).isEqualTo("cluster.x-k8s.io/machineset");
            assertThat(ms.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Cluster");
            assertThat(ms.at("/metadata/labels/" + esc(CoreLabels.ClusterNameLabel)).asText()).isEqualTo(CLUSTER);
            assertThat(plane.get(TestProviders.kind(TestProviders.INFRA_MACHINE_TEMPLATE), ns, INFRA_TEMPLATE)
                    .orElseThrow().at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Cluster");
            assertThat(plane.client().v1().events().inNamespace(ns).list().getItems())
                    .filteredOn(e -> "SuccessfulCreate".equals(e.getReason())).hasSize(3);
        });
    }

    /** Two batches created in different seconds; scaling 5 → 2 must keep the batch the order spares. */
    @ParameterizedTest
    @CsvSource({"Oldest, 3, second", "Newest, 2, first"})
    void scaleDownFollowsDeletionOrder(String order, int firstBatch, String survivors) {
        String ns = world("order");
        createMachineSet(ns, "ms", firstBatch, order);
        Set<String> first = names(awaitMachines(ns, firstBatch));
        Instant firstCreated = awaitMachines(ns, firstBatch).stream()
                .map(m -> Instant.parse(m.at("/metadata/creationTimestamp").asText())).max(Instant::compareTo)
                .orElseThrow();
        await().atMost(WAIT).until(() -> Instant.now().getEpochSecond() > firstCreated.getEpochSecond());
        scale(ns, "ms", 5);
        List<ObjectNode> all = awaitMachines(ns, 5);
        all.forEach(m -> runNode(ns, m.at("/metadata/name").asText()));
        awaitControllerSees(ns, m -> m.at("/status/nodeRef/name").isTextual());
        Set<String> second = names(all);
        second.removeAll(first);

        scale(ns, "ms", 2);

        Set<String> expected = survivors.equals("first") ? first : second;
        await().atMost(WAIT).untilAsserted(() -> assertThat(names(liveMachines(ns))).isEqualTo(expected));
        finishDeletions(ns);
        await().atMost(WAIT).untilAsserted(() -> assertThat(names(machines(ns))).isEqualTo(expected));
    }

    @Test
    void randomOrderDeletesAnnotatedMachinesFirst() {
        String ns = world("random");
        createMachineSet(ns, "ms", 5, "Random");
        List<ObjectNode> all = awaitMachines(ns, 5);
        all.forEach(m -> runNode(ns, m.at("/metadata/name").asText()));
        String marked = all.stream().map(m -> m.at("/metadata/name").asText()).sorted().toList().get(4);
        plane.mergePatch(CoreKinds.MACHINE, ns, marked,
                "{\"metadata\":{\"annotations\":{\"" + CoreAnnotations.DeleteMachineAnnotation + "\":\"yes\"}}}");
        awaitControllerSees(ns, m -> m.at("/status/nodeRef/name").isTextual());
        awaitControllerSees(ns, m -> !m.at("/metadata/name").asText().equals(marked)
                || m.at("/metadata/annotations").has(CoreAnnotations.DeleteMachineAnnotation));

        scale(ns, "ms", 2);

        await().atMost(WAIT).untilAsserted(() -> {
            List<ObjectNode> machines = machines(ns);
            assertThat(machines).hasSize(5);
            Set<String> deleting = machines.stream().filter(m -> m.at("/metadata/deletionTimestamp").isTextual())
                    .map(m -> m.at("/metadata/name").asText()).collect(Collectors.toSet());
            assertThat(deleting).hasSize(3).contains(marked);
        });
        finishDeletions(ns);
        await().atMost(WAIT).untilAsserted(() -> assertThat(machines(ns)).hasSize(2));
    }

    @Test
    void adoptsOrphanMachinesMatchingTheSelector() {
        String ns = world("adopt");
        ObjectNode orphan = machine(ns, "orphan");
        orphan.with("metadata").with("labels").put(CoreLabels.MachineSetNameLabel, "ms")
                .put(CoreLabels.ClusterNameLabel, CLUSTER);
        plane.create(CoreKinds.MACHINE, orphan);
        String ownerUid = plane.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("someone").withNamespace(ns).endMetadata().build()).create()
                .getMetadata().getUid();
        ObjectNode foreign = machine(ns, "foreign");
        foreign.with("metadata").with("labels").put(CoreLabels.MachineSetNameLabel, "ms")
                .put(CoreLabels.ClusterNameLabel, CLUSTER);
        foreign.with("metadata").putArray("ownerReferences").addObject().put("apiVersion", "v1")
                .put("kind", "ConfigMap")
                .put("name", "someone").put("uid", ownerUid).put("controller", true);
        plane.create(CoreKinds.MACHINE, foreign);

        createMachineSet(ns, "ms", 2, "Random");

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode adopted = plane.get(CoreKinds.MACHINE, ns, "orphan").orElseThrow();
            assertThat(adopted.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("MachineSet");
            assertThat(adopted.at("/metadata/ownerReferences/0/name").asText()).isEqualTo("ms");
            assertThat(machines(ns)).hasSize(3); // orphan, foreign, and one created
            assertThat(machineSet(ns, "ms").at("/status/replicas").asInt()).isEqualTo(2);
        });
        assertThat(plane.get(CoreKinds.MACHINE, ns, "foreign").orElseThrow()
                .at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("ConfigMap");
    }

    @Test
    void disableMachineCreateBlocksScaleUp() {
        String ns = world("disable");
        ObjectNode ms = machineSetObject(ns, "ms", 2, "Random");
        ms.with("metadata").with("annotations").put(CoreAnnotations.DisableMachineCreateAnnotation, "true");
        plane.create(CoreKinds.MACHINE_SET, ms);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode scalingUp = condition(machineSet(ns, "ms"), "ScalingUp");
            assertThat(scalingUp.path("status").asText()).isEqualTo("True");
            assertThat(scalingUp.path("message").asText()).contains("Scaling up from 0 to 2 replicas is blocked")
                    .contains(CoreAnnotations.DisableMachineCreateAnnotation);
        });
        assertThat(machines(ns)).isEmpty();

        plane.mergePatch(CoreKinds.MACHINE_SET, ns, "ms", "{\"metadata\":{\"annotations\":{\""
                + CoreAnnotations.DisableMachineCreateAnnotation + "\":null}}}");
        awaitMachines(ns, 2);
    }

    @Test
    void propagatesTemplateMetadataAndInPlaceFieldsToExistingMachines() {
        String ns = world("sync");
        createMachineSet(ns, "ms", 2, "Random");
        Set<String> names = names(awaitMachines(ns, 2));

        plane.mergePatch(CoreKinds.MACHINE_SET, ns, "ms", "{\"spec\":{\"template\":{\"metadata\":{\"labels\":"
                + "{\"zone\":\"blue\"},\"annotations\":{\"owner\":\"team-a\"}},\"spec\":{\"minReadySeconds\":30,"
                + "\"deletion\":{\"nodeDrainTimeoutSeconds\":120}}}}}");

        await().atMost(WAIT).untilAsserted(() -> {
            List<ObjectNode> machines = machines(ns);
            assertThat(names(machines)).isEqualTo(names);
            for (ObjectNode m : machines) {
                assertThat(m.at("/metadata/labels/zone").asText()).isEqualTo("blue");
                assertThat(m.at("/metadata/annotations/owner").asText()).isEqualTo("team-a");
                assertThat(m.at("/spec/minReadySeconds").asInt()).isEqualTo(30);
                assertThat(m.at("/spec/deletion/nodeDrainTimeoutSeconds").asInt()).isEqualTo(120);
                ObjectNode infra = plane.get(TestProviders.kind(TestProviders.INFRA_MACHINE), ns,
                        m.at("/metadata/name").asText()).orElseThrow();
                assertThat(infra.at("/metadata/labels/zone").asText()).isEqualTo("blue");
            }
        });
    }

    @Test
    void countsReplicasFromMachineConditions() {
        String ns = world("counters");
        createMachineSet(ns, "ms", 3, "Random");
        List<String> names = awaitMachines(ns, 3).stream().map(m -> m.at("/metadata/name").asText()).sorted().toList();

        setConditions(ns, names.get(0), "Ready", "True", "Available", "True", "UpToDate", "True");
        setConditions(ns, names.get(1), "Ready", "True", "Available", "False", "UpToDate", "True");
        setConditions(ns, names.get(2), "Ready", "False", "Available", "False", "UpToDate", "True");

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode ms = machineSet(ns, "ms");
            assertThat(ms.at("/status/replicas").asInt()).isEqualTo(3);
            assertThat(ms.at("/status/readyReplicas").asInt()).isEqualTo(2);
            assertThat(ms.at("/status/availableReplicas").asInt()).isEqualTo(1);
            assertThat(ms.at("/status/upToDateReplicas").asInt()).isEqualTo(3);
            assertThat(condition(ms, "MachinesReady").path("status").asText()).isEqualTo("False");
            assertThat(condition(ms, "MachinesReady").path("message").asText()).contains(names.get(2));
            assertThat(condition(ms, "MachinesUpToDate").path("status").asText()).isEqualTo("True");
        });
    }

    @Test
    void remediatesMachinesTheHealthCheckMarkedAndReplacesThem() {
        String ns = world("remediate");
        createMachineSet(ns, "ms", 2, "Random");
        String sick = awaitMachines(ns, 2).get(0).at("/metadata/name").asText();

        setConditions(ns, sick, "HealthCheckSucceeded", "False", "OwnerRemediated", "False");

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode machine = plane.get(CoreKinds.MACHINE, ns, sick).orElseThrow();
            assertThat(machine.at("/metadata/deletionTimestamp").isTextual()).isTrue();
            assertThat(condition(machine, "OwnerRemediated").path("reason").asText()).isEqualTo("MachineDeleting");
        });
        finishDeletions(ns);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(names(liveMachines(ns))).hasSize(2).doesNotContain(sick);
            assertThat(condition(machineSet(ns, "ms"), "Remediating").path("status").asText()).isEqualTo("False");
        });
    }

    @Test
    void remediationOfADeploymentsSetIsCappedByMaxInFlight() {
        String ns = world("inflight");
        ObjectNode md = machineSetObject(ns, "md", 3, "Random");
        md.put("kind", "MachineDeployment");
        md.with("metadata").with("annotations").put(CoreAnnotations.RevisionAnnotation, "1");
        md.with("spec").putObject("remediation").put("maxInFlight", 1);
        md.with("spec").with("selector").with("matchLabels").put(CoreLabels.MachineDeploymentNameLabel, "md");
        md.with("spec").with("template").with("metadata").with("labels")
                .put(CoreLabels.MachineDeploymentNameLabel, "md");
        String mdUid = plane.create(CoreKinds.MACHINE_DEPLOYMENT, md).at("/metadata/uid").asText();
        ObjectNode ms = machineSetObject(ns, "md-abcde", 3, "Random");
        ms.with("metadata").with("labels").put(CoreLabels.MachineDeploymentNameLabel, "md");
        ms.with("metadata").with("annotations").put(CoreAnnotations.RevisionAnnotation, "1");
        ms.with("metadata").putArray("ownerReferences").addObject().put("apiVersion", "cluster.x-k8s.io/v1beta2")
                .put("kind", "MachineDeployment").put("name", "md").put("uid", mdUid).put("controller", true);
        plane.create(CoreKinds.MACHINE_SET, ms);
        List<String> names = awaitMachines(ns, 3).stream().map(m -> m.at("/metadata/name").asText()).sorted()
                .toList();
        names.forEach(name -> assertThat(plane.get(CoreKinds.MACHINE, ns, name).orElseThrow()
                .at("/metadata/labels/" + esc(CoreLabels.MachineDeploymentNameLabel)).asText()).isEqualTo("md"));

        setConditions(ns, names.get(0), "HealthCheckSucceeded", "False", "OwnerRemediated", "False");
        setConditions(ns, names.get(1), "HealthCheckSucceeded", "False", "OwnerRemediated", "False");

        await().atMost(WAIT).untilAsserted(() -> {
            List<ObjectNode> sick = List.of(plane.get(CoreKinds.MACHINE, ns, names.get(0)).orElseThrow(),
                    plane.get(CoreKinds.MACHINE, ns, names.get(1)).orElseThrow());
            assertThat(sick).filteredOn(m -> m.at("/metadata/deletionTimestamp").isTextual()).hasSize(1);
            assertThat(sick).extracting(m -> condition(m, "OwnerRemediated").path("reason").asText())
                    .containsExactlyInAnyOrder("MachineDeleting", "RemediationDeferred");
        });
    }

    @Test
    void pausedMachineSetIsLeftAlone() {
        String ns = world("paused");
        ObjectNode ms = machineSetObject(ns, "ms", 1, "Random");
        ms.with("metadata").with("annotations").put(CoreAnnotations.PausedAnnotation, "");
        plane.create(CoreKinds.MACHINE_SET, ms);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode paused = condition(machineSet(ns, "ms"), "Paused");
            assertThat(paused.path("status").asText()).isEqualTo("True");
            assertThat(paused.path("message").asText()).contains(CoreAnnotations.PausedAnnotation);
        });
        assertThat(machines(ns)).isEmpty();

        plane.mergePatch(CoreKinds.MACHINE_SET, ns, "ms", "{\"metadata\":{\"annotations\":{\""
                + CoreAnnotations.PausedAnnotation + "\":null}}}");
        awaitMachines(ns, 1);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(condition(machineSet(ns, "ms"), "Paused").path("status").asText()).isEqualTo("False"));
    }

    @Test
    void deletingTheMachineSetDeletesItsMachinesFirst() {
        String ns = world("delete");
        createMachineSet(ns, "ms", 2, "Random");
        awaitMachines(ns, 2);

        plane.delete(CoreKinds.MACHINE_SET, ns, "ms");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(machines(ns)).allMatch(m -> m.at("/metadata/deletionTimestamp").isTextual());
            assertThat(condition(machineSet(ns, "ms"), "Deleting").path("status").asText()).isEqualTo("True");
        });
        finishDeletions(ns);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(machines(ns)).isEmpty();
            assertThat(plane.get(CoreKinds.MACHINE_SET, ns, "ms")).isEmpty();
        });
    }

    // ---- the world ---------------------------------------------------------------------------------------

    /** A namespace with a Cluster and the two templates the MachineSets clone. */
    private static String world(String prefix) {
        String ns = plane.newNamespace(prefix);
        ObjectNode cluster = Json.object().put("apiVersion", "cluster.x-k8s.io/v1beta2").put("kind", "Cluster");
        cluster.putObject("metadata").put("name", CLUSTER).put("namespace", ns);
        cluster.putObject("spec").putObject("infrastructureRef").put("apiGroup", TestProviders.INFRA_GROUP)
                .put("kind", TestProviders.INFRA_CLUSTER).put("name", CLUSTER);
        plane.create(CoreKinds.CLUSTER, cluster);
        ObjectNode infra = template(ns, TestProviders.INFRA_MACHINE_TEMPLATE, INFRA_TEMPLATE);
        infra.with("spec").with("template").putObject("spec").put("size", "large");
        plane.create(TestProviders.kind(TestProviders.INFRA_MACHINE_TEMPLATE), infra);
        ObjectNode bootstrap = template(ns, TestProviders.BOOTSTRAP_CONFIG_TEMPLATE, BOOTSTRAP_TEMPLATE);
        bootstrap.with("spec").with("template").putObject("spec").put("format", "cloud-config");
        plane.create(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG_TEMPLATE), bootstrap);
        return ns;
    }

    private static ObjectNode template(String ns, String kind, String name) {
        ObjectNode template = Json.object().put("apiVersion", TestProviders.apiVersion(kind)).put("kind", kind);
        template.putObject("metadata").put("name", name).put("namespace", ns);
        return template;
    }

    private static void createMachineSet(String ns, String name, int replicas, String order) {
        plane.create(CoreKinds.MACHINE_SET, machineSetObject(ns, name, replicas, order));
    }

    private static ObjectNode machineSetObject(String ns, String name, int replicas, String order) {
        ObjectNode ms = Json.object().put("apiVersion", "cluster.x-k8s.io/v1beta2").put("kind", "MachineSet");
        ms.putObject("metadata").put("name", name).put("namespace", ns);
        ObjectNode spec = ms.putObject("spec").put("clusterName", CLUSTER).put("replicas", replicas);
        spec.putObject("deletion").put("order", order);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("tier", "workers");
        ObjectNode machineSpec = template.putObject("spec").put("clusterName", CLUSTER).put("version", "v1.31.0");
        machineSpec.putObject("bootstrap").putObject("configRef").put("apiGroup", TestProviders.BOOTSTRAP_GROUP)
                .put("kind", TestProviders.BOOTSTRAP_CONFIG_TEMPLATE).put("name", BOOTSTRAP_TEMPLATE);
        machineSpec.putObject("infrastructureRef").put("apiGroup", TestProviders.INFRA_GROUP)
                .put("kind", TestProviders.INFRA_MACHINE_TEMPLATE).put("name", INFRA_TEMPLATE);
        return ms;
    }

    /** A stand-alone Machine with a preset data secret. */
    private static ObjectNode machine(String ns, String name) {
        ObjectNode machine = Json.object().put("apiVersion", "cluster.x-k8s.io/v1beta2").put("kind", "Machine");
        machine.putObject("metadata").put("name", name).put("namespace", ns);
        ObjectNode spec = machine.putObject("spec").put("clusterName", CLUSTER);
        spec.putObject("bootstrap").put("dataSecretName", name);
        spec.putObject("infrastructureRef").put("apiGroup", TestProviders.INFRA_GROUP)
                .put("kind", TestProviders.INFRA_MACHINE).put("name", name);
        return machine;
    }

    private static void scale(String ns, String name, int replicas) {
        plane.mergePatch(CoreKinds.MACHINE_SET, ns, name, "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    // ---- playing the Machine controller ------------------------------------------------------------------

    /** Gives the Machine a node and a healthy NodeHealthy condition. */
    private static void runNode(String ns, String machine) {
        plane.mergePatchStatus(CoreKinds.MACHINE, ns, machine, "{\"status\":{\"nodeRef\":{\"name\":\"" + machine
                + "\"},\"conditions\":[" + conditionJson("NodeHealthy", "True") + "]}}");
    }

    private static void setConditions(String ns, String machine, String... typeAndStatus) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < typeAndStatus.length; i += 2) {
            list.append(i == 0 ? "" : ",").append(conditionJson(typeAndStatus[i], typeAndStatus[i + 1]));
        }
        plane.mergePatchStatus(CoreKinds.MACHINE, ns, machine, "{\"status\":{\"conditions\":[" + list + "]}}");
    }

    private static String conditionJson(String type, String status) {
        return "{\"type\":\"" + type + "\",\"status\":\"" + status + "\",\"reason\":\"Test\",\"message\":\"" + type
                + " is " + status + "\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}";
    }

    /** Removes the finalizers of deleting Machines, as the Machine controller would once it tore them down. */
    private static void finishDeletions(String ns) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (ObjectNode m : machines(ns)) {
                if (m.at("/metadata/deletionTimestamp").isTextual()) {
                    plane.mergePatch(CoreKinds.MACHINE, ns, m.at("/metadata/name").asText(),
                            "{\"metadata\":{\"finalizers\":null}}");
                }
            }
            assertThat(machines(ns)).noneMatch(m -> m.at("/metadata/deletionTimestamp").isTextual());
        });
    }

    /** Waits until the controller's cache shows every Machine of {@code ns} satisfying {@code check}. */
    private static void awaitControllerSees(String ns, Predicate<ObjectNode> check) {
        await().atMost(WAIT).until(() -> manager.cache().list(CoreKinds.MACHINE, ns, Map.of()).stream()
                .map(Trees::of).allMatch(check));
    }

    // ---- reading -----------------------------------------------------------------------------------------

    private static List<ObjectNode> awaitMachines(String ns, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(liveMachines(ns)).hasSize(count));
        return liveMachines(ns);
    }

    private static List<ObjectNode> machines(String ns) {
        return plane.list(CoreKinds.MACHINE, ns);
    }

    private static List<ObjectNode> liveMachines(String ns) {
        return machines(ns).stream().filter(m -> !m.at("/metadata/deletionTimestamp").isTextual()).toList();
    }

    private static ObjectNode machineSet(String ns, String name) {
        return plane.get(CoreKinds.MACHINE_SET, ns, name).orElseThrow();
    }

    private static Set<String> names(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.at("/metadata/name").asText()).collect(Collectors.toSet());
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return Json.object();
    }

    private static String annotation(JsonNode object, String key) {
        return object.at("/metadata/annotations").path(key).asText();
    }

    /** JSON-pointer escaping of a label key ({@code /} → {@code ~1}). */
    private static String esc(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
