package io.capj.core.machinehealthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;
import io.capj.apimachinery.Json;
import io.capj.core.CoreControllers;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.Fixtures;
import io.capj.core.testing.SimulatedProvider;
import io.capj.core.testing.TestProviders;
import io.capj.core.testing.WorkloadCluster;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MachineHealthCheck controller with every core controller running, the test providers played by
 * {@link SimulatedProvider} (Nodes in a real workload API server) and Nodes turned unhealthy by hand: marked
 * workers are replaced by their MachineSet, triggerIf holds remediation back, external remediation requests
 * come and go, and a paused health check does nothing. Timeouts are seconds long (the node startup timeout
 * cannot go below the webhook's 30 s).
 */
class MachineHealthCheckControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CLUSTER = "c1";
    private static final String POOL_LABEL = "story.capj.io/pool";
    private static final String REMEDIATION_TEMPLATE = "TestRemediationTemplate";
    private static final String REMEDIATION = "TestRemediation";

    private static CorePlane plane;
    private static SimulatedProvider provider;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        for (String kind : List.of(REMEDIATION_TEMPLATE, REMEDIATION)) {
            ObjectNode crd = CrdBuilder.namespaced(TestProviders.INFRA_GROUP, kind)
                    .version(TestProviders.VERSION, Schema.object()
                            .property("spec", Schema.object().preserveUnknownFields())
                            .property("status", Schema.object().preserveUnknownFields()))
                    .build();
            plane.client().apiextensions().v1().customResourceDefinitions()
                    .resource(Json.MAPPER.convertValue(crd, CustomResourceDefinition.class)).create();
        }
        plane.startControllers(CoreControllers::register);
        provider = SimulatedProvider.start(plane);
    }

    @AfterAll
    static void stop() {
        provider.close();
        plane.close();
    }

    @Test
    void workerWhoseNodeGoesNotReadyIsMarkedAfterTheTimeoutAndReplaced() {
        World world = world("notready", true);
        createDeployment(world, 2);
        List<String> machines = awaitMachinesWithNodes(world, 2);
        createHealthCheck(world, healthCheck(world, "mhc", 1));
        awaitHealthy(world, 2);

        try (HealthCheckMarks marks = new HealthCheckMarks(plane, world.ns)) {
            String sick = machines.get(0);
            setReady(world, sick, "False");

            await().atMost(WAIT).untilAsserted(() -> assertThat(marks.reasons(sick)).contains("UnhealthyNode"));
            await().atMost(WAIT).untilAsserted(() -> {
                List<String> now = machinesWithNodes(world);
                assertThat(now).hasSize(2).doesNotContain(sick).contains(machines.get(1));
            });
        }
        assertThat(eventReasons(world, sick(machines))).contains("MachineMarkedUnhealthy");
    }

    @Test
    void machineThatNeverGetsANodeIsMarkedAfterTheNodeStartupTimeout() {
        World world = world("nostartup", false);
        createDeployment(world, 1);
        await().atMost(WAIT).until(() -> plane.list(CoreKinds.MACHINE, world.ns).size() == 1);
        String machine = name(plane.list(CoreKinds.MACHINE, world.ns).get(0));
        ObjectNode mhc = healthCheck(world, "mhc", 300);
        mhc.with("spec").with("checks").put("nodeStartupTimeoutSeconds", 30);

        try (HealthCheckMarks marks = new HealthCheckMarks(plane, world.ns)) {
            createHealthCheck(world, mhc);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(marks.reasons(machine)).contains("NodeStartupTimeout"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(names(plane.list(CoreKinds.MACHINE, world.ns)))
                    .hasSize(1).doesNotContain(machine));
        }
    }

    @Test
    void threeOfFiveUnhealthyAboveFortyPercentRemediatesNothing() {
        World world = world("restricted", true);
        createDeployment(world, 5);
        List<String> machines = awaitMachinesWithNodes(world, 5);
        ObjectNode mhc = healthCheck(world, "mhc", 1);
        mhc.with("spec").putObject("remediation").putObject("triggerIf").put("unhealthyLessThanOrEqualTo", "40%");
        createHealthCheck(world, mhc);
        awaitHealthy(world, 5);

        try (HealthCheckMarks marks = new HealthCheckMarks(plane, world.ns)) {
            machines.subList(0, 3).forEach(m -> setReady(world, m, "False"));

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode status = healthCheckStatus(world);
                assertThat(status.path("currentHealthy").asInt()).isEqualTo(2);
                assertThat(status.path("remediationsAllowed").asInt()).isZero();
                JsonNode allowed = condition(status, "RemediationAllowed");
                assertThat(allowed.path("status").asText()).isEqualTo("False");
                assertThat(allowed.path("reason").asText()).isEqualTo("TooManyUnhealthy");
                machines.subList(0, 3).forEach(m -> assertThat(marks.reasons(m)).contains("UnhealthyNode"));
            });
            assertThat(marks.anyOwnerRemediated()).isFalse();
            assertThat(names(plane.list(CoreKinds.MACHINE, world.ns))).containsExactlyInAnyOrderElementsOf(machines);
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(eventReasons(world, "mhc")).contains("RemediationRestricted"));
    }

    @Test
    void remediateMachineAnnotationMarksAtOnce() {
        World world = world("annotation", true);
        createDeployment(world, 1);
        String machine = awaitMachinesWithNodes(world, 1).get(0);
        createHealthCheck(world, healthCheck(world, "mhc", 300));
        awaitHealthy(world, 1);

        try (HealthCheckMarks marks = new HealthCheckMarks(plane, world.ns)) {
            plane.mergePatch(CoreKinds.MACHINE, world.ns, machine,
                    "{\"metadata\":{\"annotations\":{\"cluster.x-k8s.io/remediate-machine\":\"\"}}}");

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(marks.reasons(machine)).contains("HasRemediateAnnotation"));
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(machinesWithNodes(world)).hasSize(1).doesNotContain(machine));
        }
    }

    @Test
    void externalRemediationRequestIsCreatedForAnUnhealthyMachineAndDeletedWhenItRecovers() {
        World world = world("external", true);
        createDeployment(world, 1);
        String machine = awaitMachinesWithNodes(world, 1).get(0);
        ObjectNode template = Fixtures.provider(REMEDIATION_TEMPLATE, world.ns, "reboot");
        template.putObject("spec").putObject("template").putObject("spec").put("strategy", "reboot");
        plane.create(remediationKind(REMEDIATION_TEMPLATE), template);
        ObjectNode mhc = healthCheck(world, "mhc", 1);
        mhc.with("spec").putObject("remediation").putObject("templateRef")
                .put("apiVersion", TestProviders.INFRA_GROUP + "/" + TestProviders.VERSION)
                .put("kind", REMEDIATION_TEMPLATE).put("name", "reboot");
        createHealthCheck(world, mhc);
        awaitHealthy(world, 1);

        setReady(world, machine, "False");

        await().atMost(WAIT).untilAsserted(() -> {
            Optional<ObjectNode> created = plane.get(remediationKind(REMEDIATION), world.ns, machine);
            assertThat(created).isPresent();
            ObjectNode request = created.get();
            assertThat(request.at("/spec/strategy").asText()).isEqualTo("reboot");
            assertThat(request.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Machine");
            assertThat(request.at("/metadata/ownerReferences/0/name").asText()).isEqualTo(machine);
            ObjectNode marked = plane.get(CoreKinds.MACHINE, world.ns, machine).orElseThrow();
            assertThat(condition(marked.path("status"), "ExternallyRemediated").path("reason").asText())
                    .isEqualTo("WaitingForRemediation");
            assertThat(condition(marked.path("status"), "OwnerRemediated").isMissingNode()).isTrue();
        });

        setReady(world, machine, "True");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(plane.get(remediationKind(REMEDIATION), world.ns, machine)).isEmpty();
            ObjectNode healthy = plane.get(CoreKinds.MACHINE, world.ns, machine).orElseThrow();
            assertThat(condition(healthy.path("status"), "HealthCheckSucceeded").path("status").asText())
                    .isEqualTo("True");
        });
    }

    @Test
    void pausedHealthCheckMarksNothingUntilUnpaused() {
        World world = world("paused", true);
        createDeployment(world, 1);
        String machine = awaitMachinesWithNodes(world, 1).get(0);
        setReady(world, machine, "False");
        ObjectNode mhc = healthCheck(world, "mhc", 1);
        mhc.with("metadata").putObject("annotations").put("cluster.x-k8s.io/paused", "");

        try (HealthCheckMarks marks = new HealthCheckMarks(plane, world.ns)) {
            createHealthCheck(world, mhc);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(condition(healthCheckStatus(world), "Paused").path("status").asText()).isEqualTo("True"));
            assertThat(healthCheckStatus(world).has("expectedMachines")).isFalse();
            assertThat(marks.reasons(machine)).isEmpty();

            plane.mergePatch(CoreKinds.MACHINE_HEALTH_CHECK, world.ns, "mhc",
                    "{\"metadata\":{\"annotations\":{\"cluster.x-k8s.io/paused\":null}}}");

            await().atMost(WAIT).untilAsserted(() -> assertThat(marks.reasons(machine)).contains("UnhealthyNode"));
        }
    }

    // ---- world --------------------------------------------------------------------------------------------

    /** A namespace with Cluster c1 and templates v1; Nodes appear for its Machines only {@code withNodes}. */
    private record World(String ns, WorkloadCluster workload) {
    }

    private static World world(String prefix, boolean withNodes) {
        String ns = plane.newNamespace(prefix);
        WorkloadCluster workload = plane.startWorkloadCluster(ns, CLUSTER);
        if (withNodes) {
            provider.register(ns, CLUSTER, workload);
        }
        Fixtures.cluster(plane, ns, CLUSTER, true);
        Fixtures.templates(plane, ns, "v1");
        return new World(ns, workload);
    }

    private static void createDeployment(World world, int replicas) {
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(world.ns, "md", CLUSTER, replicas,
                "v1", "RollingUpdate", "Random"));
    }

    /** A health check of the deployment's Machines: Ready False or Unknown for {@code timeoutSeconds}. */
    private static ObjectNode healthCheck(World world, String name, int timeoutSeconds) {
        ObjectNode mhc = Fixtures.object("MachineHealthCheck", world.ns, name);
        ObjectNode spec = mhc.putObject("spec").put("clusterName", CLUSTER);
        spec.putObject("selector").putObject("matchLabels").put(POOL_LABEL, "md");
        var conditions = spec.putObject("checks").putArray("unhealthyNodeConditions");
        conditions.addObject().put("type", "Ready").put("status", "False").put("timeoutSeconds", timeoutSeconds);
        conditions.addObject().put("type", "Ready").put("status", "Unknown").put("timeoutSeconds", timeoutSeconds);
        return mhc;
    }

    private static void createHealthCheck(World world, ObjectNode mhc) {
        plane.create(CoreKinds.MACHINE_HEALTH_CHECK, mhc);
    }

    private static void awaitHealthy(World world, int healthy) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = healthCheckStatus(world);
            assertThat(status.path("expectedMachines").asInt()).isEqualTo(healthy);
            assertThat(status.path("currentHealthy").asInt()).isEqualTo(healthy);
            assertThat(condition(status, "RemediationAllowed").path("status").asText()).isEqualTo("True");
        });
    }

    private static JsonNode healthCheckStatus(World world) {
        return plane.get(CoreKinds.MACHINE_HEALTH_CHECK, world.ns, "mhc").orElseThrow().path("status");
    }

    private static List<String> awaitMachinesWithNodes(World world, int count) {
        await().atMost(WAIT).until(() -> machinesWithNodes(world).size() == count);
        return machinesWithNodes(world);
    }

    private static List<String> machinesWithNodes(World world) {
        return plane.list(CoreKinds.MACHINE, world.ns).stream()
                .filter(m -> !m.at("/status/nodeRef/name").asText().isEmpty())
                .filter(m -> !m.at("/metadata/deletionTimestamp").isTextual())
                .map(MachineHealthCheckControllerTest::name).sorted().toList();
    }

    /** Sets the Ready condition of the Node of {@code machine} (named after it), as its kubelet would. */
    private static void setReady(World world, String machine, String status) {
        Node node = world.workload.client().nodes().withName(machine).get();
        NodeStatus nodeStatus = node.getStatus();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (NodeCondition condition : nodeStatus.getConditions()) {
            if (condition.getType().equals("Ready")) {
                condition.setStatus(status);
                condition.setReason(status.equals("True") ? "KubeletReady" : "KubeletNotReady");
                condition.setLastTransitionTime(now);
            }
        }
        world.workload.setNodeStatus(machine, nodeStatus);
    }

    private static JsonNode condition(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return Json.object().path("missing");
    }

    private static Set<String> eventReasons(World world, String involved) {
        return plane.client().v1().events().inNamespace(world.ns).list().getItems().stream()
                .filter(e -> e.getInvolvedObject().getName().equals(involved))
                .map(e -> e.getReason()).collect(Collectors.toSet());
    }

    private static String sick(List<String> machines) {
        return machines.get(0);
    }

    private static ResourceKind<GenericKubernetesResource> remediationKind(String kind) {
        return ResourceKind.generic(TestProviders.INFRA_GROUP, TestProviders.VERSION, kind,
                kind.toLowerCase() + "s", true);
    }

    private static List<String> names(List<ObjectNode> objects) {
        return objects.stream().map(MachineHealthCheckControllerTest::name).toList();
    }

    private static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }
}
