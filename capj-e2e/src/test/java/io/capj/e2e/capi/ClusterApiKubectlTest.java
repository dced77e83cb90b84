package io.capj.e2e.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.e2e.kubectl.Kubectl;
import io.capj.e2e.kubectl.KubectlBinaries;
import io.capj.e2e.kubectl.KubectlResult;
import io.capj.e2e.kubectl.PrintedTable;
import io.capj.e2e.kubectl.Testbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fresh {@code bin/capj serve} serves the Cluster API without any setup: the newest kubectl on the machine
 * applies a Cluster, a Machine, a MachineSet and a MachineDeployment (each passing the webhooks), lists them
 * through the {@code cluster-api} category, and prints them with upstream's printer columns; an object the
 * webhook refuses fails {@code kubectl apply} with the webhook's message.
 */
class ClusterApiKubectlTest {
    /** The objects every scenario reads; {@code $NS} stands for the scenario namespace. */
    private static final String OBJECTS = """
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Cluster
            metadata: {name: c1, namespace: $NS}
            spec:
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevCluster, name: c1}
              controlPlaneRef: {apiGroup: controlplane.cluster.x-k8s.io, kind: KubeadmControlPlane, name: c1}
            ---
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Machine
            metadata: {name: m1, namespace: $NS}
            spec:
              clusterName: c1
              version: v1.33.0
              bootstrap:
                configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfig, name: m1}
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachine, name: m1}
            ---
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineSet
            metadata: {name: ms1, namespace: $NS}
            spec:
              clusterName: c1
              replicas: 2
              selector: {matchLabels: {pool: ms1}}
              template:
                metadata: {labels: {pool: ms1}}
                spec:
                  clusterName: c1
                  version: v1.33.0
                  bootstrap:
                    configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfigTemplate, name: t}
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachineTemplate, name: t}
            ---
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineDeployment
            metadata: {name: md1, namespace: $NS}
            spec:
              clusterName: c1
              replicas: 3
              template:
                spec:
                  clusterName: c1
                  version: v1.33.0
                  bootstrap:
                    configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfigTemplate, name: t}
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachineTemplate, name: t}
            """;
    /** Upstream's MachineDeployment webhook refuses a rolling update that can neither add nor remove. */
    private static final String STUCK_ROLLOUT = """
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineDeployment
            metadata: {name: stuck, namespace: $NS}
            spec:
              clusterName: c1
              rollout:
                strategy:
                  type: RollingUpdate
                  rollingUpdate: {maxSurge: 0, maxUnavailable: 0}
              template:
                spec:
                  clusterName: c1
                  bootstrap: {dataSecretName: bootstrap-data}
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachineTemplate, name: t}
            """;

    @TempDir
    static Path manifests;
    private static Testbed testbed;
    private static Kubectl kubectl;
    private static String namespace;

    @BeforeAll
    static void applyClusterApiObjects() {
        testbed = Testbed.start(KubectlBinaries.newestAndOldest().get(0), "capi-e2e");
        kubectl = testbed.kubectl();
        namespace = testbed.newNamespace("capi");
        KubectlResult applied = kubectl.run("apply", "-f", manifest("objects.yaml", OBJECTS)).requireSuccess();
        assertThat(applied.stdout()).contains("cluster.cluster.x-k8s.io/c1 created",
                "machine.cluster.x-k8s.io/m1 created", "machineset.cluster.x-k8s.io/ms1 created",
                "machinedeployment.cluster.x-k8s.io/md1 created");
    }

    @AfterAll
    static void stopPlane() {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void clusterApiCategoryListsEveryKind() {
        String printed = kubectl.run("get", "cluster-api", "-A").requireSuccess().stdout();

        List<String> ours = printed.lines().filter(line -> line.startsWith(namespace + " ")).toList();
        assertThat(ours).extracting(line -> line.split("\\s+")[1]).containsExactlyInAnyOrder(
                "cluster.cluster.x-k8s.io/c1", "machine.cluster.x-k8s.io/m1", "machineset.cluster.x-k8s.io/ms1",
                "machinedeployment.cluster.x-k8s.io/md1");
        assertThat(printed.lines().filter(line -> line.startsWith("NAMESPACE ")))
                .as("one table per kind").hasSize(4);
    }

    static Stream<Arguments> printerColumns() {
        return Stream.of(
                Arguments.of(List.of("get", "clusters"), "c1", List.of("NAME", "CLUSTERCLASS", "AVAILABLE",
                        "CP DESIRED", "CP AVAILABLE", "CP UP-TO-DATE", "W DESIRED", "W AVAILABLE", "W UP-TO-DATE",
                        "PHASE", "AGE", "VERSION"), Map.of()),
                Arguments.of(List.of("get", "machines"), "m1", List.of("NAME", "CLUSTER", "NODE NAME",
                        "FAILURE DOMAIN", "READY", "AVAILABLE", "UP-TO-DATE", "PHASE", "AGE", "VERSION"),
                        Map.of("CLUSTER", "c1", "VERSION", "v1.33.0")),
                Arguments.of(List.of("get", "machines", "-o", "wide"), "m1", List.of("NAME", "CLUSTER", "NODE NAME",
                        "PROVIDER ID", "FAILURE DOMAIN", "READY", "AVAILABLE", "UP-TO-DATE", "INTERNAL-IP",
                        "EXTERNAL-IP", "OS-IMAGE", "PAUSED", "PHASE", "AGE", "VERSION"),
                        Map.of("CLUSTER", "c1", "VERSION", "v1.33.0")),
                Arguments.of(List.of("get", "ms"), "ms1", List.of("NAME", "CLUSTER", "DESIRED", "CURRENT", "READY",
                        "AVAILABLE", "UP-TO-DATE", "AGE", "VERSION"),
                        Map.of("CLUSTER", "c1", "DESIRED", "2", "VERSION", "v1.33.0")),
                Arguments.of(List.of("get", "md"), "md1", List.of("NAME", "CLUSTER", "AVAILABLE", "DESIRED",
                        "CURRENT", "READY", "AVAILABLE", "UP-TO-DATE", "PHASE", "AGE", "VERSION"),
                        Map.of("CLUSTER", "c1", "DESIRED", "3", "VERSION", "v1.33.0")));
    }

    @ParameterizedTest(name = "kubectl {0}")
    @MethodSource
    void printerColumns(List<String> command, String name, List<String> headers, Map<String, String> cells) {
        String[] args = Stream.concat(command.stream(), Stream.of("-n", namespace)).toArray(String[]::new);
        PrintedTable table = PrintedTable.parse(kubectl.run(args).requireSuccess().stdout());

        assertThat(table.headers()).containsExactlyElementsOf(headers);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.row("NAME", name)).get().satisfies(row -> {
            assertThat(row).containsAllEntriesOf(cells);
            assertThat(row.get("AGE")).isNotEmpty();
        });
    }

    @Test
    void controllersReconcileAppliedObjectsAndReportOnMetrics() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kubectl.run("get", "cluster", "c1",
                "-n", namespace, "-o", "jsonpath={.metadata.finalizers}").requireSuccess().stdout())
                .contains("cluster.cluster.x-k8s.io"));

        String metrics = kubectl.run("get", "--raw", "/metrics").requireSuccess().stdout();
        assertThat(metrics).contains("apiserver_request_total{", "controller_runtime_reconcile_total{controller=\"cluster\"",
                "workqueue_depth{name=\"machine\"}");
    }

    @Test
    void webhookRefusalFailsApplyWithItsMessage() {
        KubectlResult refused = kubectl.run("apply", "-f", manifest("stuck.yaml", STUCK_ROLLOUT));

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr().strip()).isEqualTo("The MachineDeployment \"stuck\" is invalid: "
                + "spec.rollout.strategy.rollingUpdate: Invalid value: \"0\": "
                + "maxUnavailable and maxSurge cannot both be 0");
        assertThat(kubectl.run("get", "md", "stuck", "-n", namespace).exitCode()).as("nothing stored").isEqualTo(1);
    }

    private static String manifest(String name, String yaml) {
        try {
            return Files.writeString(manifests.resolve(name), yaml.replace("$NS", namespace)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write manifest " + name, e);
        }
    }
}
