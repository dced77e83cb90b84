package io.capj.core.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.core.CoreControllers;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.Fixtures;
import io.capj.core.testing.SimulatedProvider;
import io.capj.core.testing.TestProviders;
import io.capj.core.testing.WorkloadCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3's user stories against the real embedded API server with every core controller running and the
 * test providers played by {@link SimulatedProvider}: machines get bootstrap data, infrastructure and a Ready
 * Node in a real workload API server, so they reach Running and Available the way they would in production.
 */
class CoreStoriesTest {
    private static final Duration STORY = Duration.ofSeconds(120);
    private static final String CLUSTER = "c1";

    private static CorePlane plane;
    private static SimulatedProvider provider;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        plane.startControllers(CoreControllers::register);
        provider = SimulatedProvider.start(plane);
    }

    @AfterAll
    static void stop() {
        provider.close();
        plane.close();
    }

    /** A namespace with Cluster c1 (provisioned by the simulated provider), its workload cluster and templates v1, v2. */
    private static String clusterNamespace(String prefix) {
        String ns = plane.newNamespace(prefix);
        WorkloadCluster workload = plane.startWorkloadCluster(ns, CLUSTER);
        provider.register(ns, CLUSTER, workload);
        Fixtures.cluster(plane, ns, CLUSTER, true);
        Fixtures.templates(plane, ns, "v1");
        Fixtures.templates(plane, ns, "v2");
        return ns;
    }

    @Test
    void clusterReachesProvisionedWithItsEndpoint() {
        String ns = clusterNamespace("provisioned");

        await().atMost(STORY).untilAsserted(() -> {
            ObjectNode cluster = plane.get(CoreKinds.CLUSTER, ns, CLUSTER).orElseThrow();
            assertThat(cluster.at("/status/phase").asText()).isEqualTo("Provisioned");
            assertThat(cluster.at("/spec/controlPlaneEndpoint/host").asText()).isEqualTo("127.0.0.1");
            assertThat(cluster.at("/spec/controlPlaneEndpoint/port").asInt()).isEqualTo(6443);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Oldest", "Newest", "Random"})
    void machineDeploymentScalesZeroToFiveToTwoDeletingByOrder(String order) throws InterruptedException {
        String ns = clusterNamespace("scale-" + order.toLowerCase());
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md", CLUSTER, 0, "v1",
                "RollingUpdate", order));
        // One machine per second, so creation timestamps (1 s resolution) give Oldest/Newest one answer.
        for (int replicas = 1; replicas <= 5; replicas++) {
            scale(ns, "md", replicas);
            int expected = replicas;
            await().atMost(STORY).until(() -> running(ns).size() == expected);
            Thread.sleep(1100);
        }
        List<ObjectNode> byAge = running(ns).stream()
                .sorted(Comparator.comparing((ObjectNode m) -> m.at("/metadata/creationTimestamp").asText()))
                .toList();
        String marked = byAge.get(2).at("/metadata/name").asText();
        if (order.equals("Random")) {
            plane.mergePatch(CoreKinds.MACHINE, ns, marked,
                    "{\"metadata\":{\"annotations\":{\"cluster.x-k8s.io/delete-machine\":\"yes\"}}}");
        }

        scale(ns, "md", 2);

        await().atMost(STORY).until(() -> names(plane.list(CoreKinds.MACHINE, ns)).size() == 2);
        Set<String> survivors = names(plane.list(CoreKinds.MACHINE, ns));
        switch (order) {
            case "Oldest" -> assertThat(survivors).containsExactlyInAnyOrder(name(byAge.get(3)), name(byAge.get(4)));
            case "Newest" -> assertThat(survivors).containsExactlyInAnyOrder(name(byAge.get(0)), name(byAge.get(1)));
            default -> assertThat(survivors).doesNotContain(marked);
        }
    }

    @Test
    void rollingUpdateOfTenNeverExceedsElevenMachinesNorDropsBelowTenAvailable() {
        String ns = clusterNamespace("rolling");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md", CLUSTER, 10, "v1",
                "RollingUpdate", "Random"));
        await().atMost(STORY).until(() -> availableMachines(ns) == 10);

        try (MachineWatcher watcher = MachineWatcher.start(plane, ns)) {
            plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", Fixtures.switchTemplates("v2"));

            awaitRolledOut(ns, 10, "v2", Duration.ofMinutes(4));
            assertThat(watcher.maxLive()).isLessThanOrEqualTo(11);
            assertThat(watcher.minAvailable()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void onDeleteRollsOnlyAsMachinesAreDeleted() {
        String ns = clusterNamespace("ondelete");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md", CLUSTER, 3, "v1",
                "OnDelete", "Random"));
        await().atMost(STORY).until(() -> availableMachines(ns) == 3);

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", Fixtures.switchTemplates("v2"));
        await().atMost(STORY).until(() -> plane.list(CoreKinds.MACHINE_SET, ns).size() == 2
                && observedLatest(ns, "md"));
        assertThat(machinesFrom(ns, "v1")).hasSize(3);

        String victim = machinesFrom(ns, "v1").get(0);
        plane.delete(CoreKinds.MACHINE, ns, victim);

        await().atMost(STORY).until(() -> machinesFrom(ns, "v2").size() == 1 && machinesFrom(ns, "v1").size() == 2);
        assertThat(machinesFrom(ns, "v1")).doesNotContain(victim);
    }

    @Test
    void pausedMachineDeploymentScalesButDoesNotRoll() {
        String ns = clusterNamespace("paused");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md", CLUSTER, 2, "v1",
                "RollingUpdate", "Random"));
        await().atMost(STORY).until(() -> availableMachines(ns) == 2);

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", "{\"spec\":{\"paused\":true}}");
        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", Fixtures.switchTemplates("v2"));
        scale(ns, "md", 3);

        await().atMost(STORY).until(() -> machinesFrom(ns, "v1").size() == 3 && observedLatest(ns, "md"));
        assertThat(plane.list(CoreKinds.MACHINE_SET, ns)).hasSize(1);
        assertThat(machinesFrom(ns, "v2")).isEmpty();

        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", "{\"spec\":{\"paused\":false}}");
        awaitRolledOut(ns, 3, "v2", Duration.ofMinutes(3));
    }

    @Test
    void managerRestartMidRolloutFinishesWithNoExtraOrMissingMachines() {
        String ns = clusterNamespace("restart");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md", CLUSTER, 6, "v1",
                "RollingUpdate", "Random"));
        await().atMost(STORY).until(() -> availableMachines(ns) == 6);

        try (MachineWatcher watcher = MachineWatcher.start(plane, ns)) {
            plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, "md", Fixtures.switchTemplates("v2"));
            await().atMost(STORY).until(() -> !machinesFrom(ns, "v2").isEmpty());
            plane.stopControllers();
            plane.startControllers(CoreControllers::register);

            awaitRolledOut(ns, 6, "v2", Duration.ofMinutes(3));
            assertThat(watcher.maxLive()).isLessThanOrEqualTo(7);
            assertThat(watcher.minAvailable()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void clusterDeletionRemovesWorkersThenControlPlaneThenInfrastructure() {
        String ns = plane.newNamespace("delete");
        WorkloadCluster workload = plane.startWorkloadCluster(ns, CLUSTER);
        provider.register(ns, CLUSTER, workload);
        Fixtures.cluster(plane, ns, CLUSTER, true);
        Fixtures.templates(plane, ns, "v1");
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md", CLUSTER, 2, "v1",
                "RollingUpdate", "Random"));
        await().atMost(STORY).until(() -> availableMachines(ns) == 2);

        List<String> deletions = Collections.synchronizedList(new ArrayList<>());
        List<Watch> watches = List.of(
                recordDeletions(CoreKinds.MACHINE_DEPLOYMENT.definitionContext(), ns, deletions),
                recordDeletions(CoreKinds.MACHINE_SET.definitionContext(), ns, deletions),
                recordDeletions(CoreKinds.MACHINE.definitionContext(), ns, deletions),
                recordDeletions(TestProviders.kind(TestProviders.CONTROL_PLANE).definitionContext(), ns, deletions),
                recordDeletions(TestProviders.kind(TestProviders.INFRA_CLUSTER).definitionContext(), ns, deletions),
                recordDeletions(CoreKinds.CLUSTER.definitionContext(), ns, deletions));
        try {
            plane.delete(CoreKinds.CLUSTER, ns, CLUSTER);

            await().atMost(STORY).until(() -> deletions.contains("Cluster"));
            List<String> order = List.copyOf(deletions);
            int lastWorker = Math.max(order.lastIndexOf("Machine"),
                    Math.max(order.lastIndexOf("MachineSet"), order.lastIndexOf("MachineDeployment")));
            assertThat(order.stream().filter(k -> k.equals("Machine")).count()).isEqualTo(2);
            assertThat(lastWorker).isLessThan(order.indexOf(TestProviders.CONTROL_PLANE));
            assertThat(order.indexOf(TestProviders.CONTROL_PLANE)).isLessThan(order.indexOf(TestProviders.INFRA_CLUSTER));
            assertThat(order.indexOf(TestProviders.INFRA_CLUSTER)).isLessThan(order.indexOf("Cluster"));
        } finally {
            watches.forEach(Watch::close);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static Watch recordDeletions(io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context,
            String ns, List<String> deletions) {
        return plane.client().genericKubernetesResources(context).inNamespace(ns).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource object) {
                if (action == Action.DELETED) {
                    deletions.add(object.getKind());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    private static void scale(String ns, String md, int replicas) {
        plane.mergePatch(CoreKinds.MACHINE_DEPLOYMENT, ns, md, "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    private static List<ObjectNode> running(String ns) {
        return plane.list(CoreKinds.MACHINE, ns).stream()
                .filter(m -> m.at("/status/phase").asText().equals("Running"))
                .toList();
    }

    private static long availableMachines(String ns) {
        return plane.list(CoreKinds.MACHINE, ns).stream()
                .filter(m -> m.at("/metadata/deletionTimestamp").isMissingNode())
                .filter(CoreStoriesTest::isAvailable)
                .count();
    }

    private static boolean isAvailable(JsonNode machine) {
        for (JsonNode condition : machine.at("/status/conditions")) {
            if (condition.path("type").asText().equals("Available")) {
                return condition.path("status").asText().equals("True");
            }
        }
        return false;
    }

    /** Names of live Machines whose MachineSet builds them from templates {@code template}. */
    private static List<String> machinesFrom(String ns, String template) {
        Set<String> sets = plane.list(CoreKinds.MACHINE_SET, ns).stream()
                .filter(ms -> ms.at("/spec/template/spec/infrastructureRef/name").asText().equals(template))
                .map(ms -> ms.at("/metadata/name").asText())
                .collect(Collectors.toSet());
        return plane.list(CoreKinds.MACHINE, ns).stream()
                .filter(m -> m.at("/metadata/deletionTimestamp").isMissingNode())
                .filter(m -> sets.contains(m.at("/metadata/labels/cluster.x-k8s.io~1set-name").asText()))
                .map(CoreStoriesTest::name)
                .toList();
    }

    /** Rollout finished: exactly {@code replicas} machines, all Available and from {@code template}, one MachineSet. */
    private static boolean rolledOut(String ns, String md, int replicas, String template) {
        List<ObjectNode> machines = plane.list(CoreKinds.MACHINE, ns);
        return machines.size() == replicas && machinesFrom(ns, template).size() == replicas
                && machines.stream().allMatch(CoreStoriesTest::isAvailable)
                && plane.list(CoreKinds.MACHINE_SET, ns).size() == 1 && observedLatest(ns, md);
    }

    private static void awaitRolledOut(String ns, int replicas, String template, Duration timeout) {
        await().atMost(timeout).untilAsserted(() -> assertThat(rolledOut(ns, "md", replicas, template))
                .as(() -> "rollout to " + template + " not finished:\n" + state(ns)).isTrue());
    }

    /** MachineSets, the MachineDeployment and Machines of {@code ns}, one line each, for failure messages. */
    private static String state(String ns) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode ms : plane.list(CoreKinds.MACHINE_SET, ns)) {
            out.append("MachineSet ").append(name(ms)).append(" template=")
                    .append(ms.at("/spec/template/spec/infrastructureRef/name").asText()).append(" spec.replicas=")
                    .append(ms.at("/spec/replicas")).append(" status=").append(ms.at("/status/replicas")).append('/')
                    .append(ms.at("/status/availableReplicas")).append(" annotations=")
                    .append(ms.at("/metadata/annotations")).append('\n');
        }
        plane.get(CoreKinds.MACHINE_DEPLOYMENT, ns, "md").ifPresent(md -> out.append("MachineDeployment generation=")
                .append(md.at("/metadata/generation")).append(" status=").append(md.at("/status")).append('\n'));
        for (ObjectNode m : plane.list(CoreKinds.MACHINE, ns)) {
            out.append("Machine ").append(name(m)).append(" set=")
                    .append(m.at("/metadata/labels/cluster.x-k8s.io~1set-name").asText()).append(" phase=")
                    .append(m.at("/status/phase").asText()).append(" deleting=")
                    .append(!m.at("/metadata/deletionTimestamp").isMissingNode()).append(" available=")
                    .append(isAvailable(m)).append('\n');
        }
        return out.toString();
    }

    private static boolean observedLatest(String ns, String md) {
        ObjectNode deployment = plane.get(CoreKinds.MACHINE_DEPLOYMENT, ns, md).orElseThrow();
        return deployment.at("/status/observedGeneration").asLong()
                == deployment.at("/metadata/generation").asLong();
    }

    private static Set<String> names(List<ObjectNode> objects) {
        return objects.stream().map(CoreStoriesTest::name).collect(Collectors.toSet());
    }

    private static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }
}
