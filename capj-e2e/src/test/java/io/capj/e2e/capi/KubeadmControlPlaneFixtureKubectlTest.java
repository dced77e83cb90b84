package io.capj.e2e.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.e2e.kubectl.Kubectl;
import io.capj.e2e.kubectl.KubectlBinaries;
import io.capj.e2e.kubectl.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's black-box check: upstream's e2e bases {@code cluster-with-kcp.yaml} and {@code md.yaml}, with the
 * docker backend swapped for the in-memory one and the variables filled as clusterctl would, applied with
 * kubectl to a fresh {@code bin/capj serve}, bring the Cluster to Available with every Machine Running.
 */
class KubeadmControlPlaneFixtureKubectlTest {
    private static final Path FIXTURES = Path.of("..", "capj-api", "src", "test", "resources", "fixtures");
    private static final List<String> BASES = List.of("e2e__data__infrastructure-docker__main__bases__cluster-with-kcp.yaml",
            "e2e__data__infrastructure-docker__main__bases__md.yaml");
    private static final Map<String, String> VARIABLES = Map.of("CLUSTER_NAME", "c1",
            "DOCKER_SERVICE_CIDRS", "10.128.0.0/12", "DOCKER_POD_CIDRS", "192.168.0.0/16",
            "DOCKER_SERVICE_DOMAIN", "cluster.local", "CONTROL_PLANE_MACHINE_COUNT", "3",
            "KUBERNETES_VERSION", "v1.33.0", "WORKER_MACHINE_COUNT", "2");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");
    private static final Pattern DOCKER_BACKEND = Pattern.compile("^(\\s*)docker:\\s*$");

    @TempDir
    static Path files;
    private static Testbed testbed;
    private static Kubectl kubectl;
    private static String namespace;

    @BeforeAll
    static void applyUpstreamBases() throws IOException {
        testbed = Testbed.start(KubectlBinaries.newestAndOldest().get(0), "capi-kcp-e2e");
        kubectl = testbed.kubectl();
        namespace = testbed.newNamespace("kcp");
        StringBuilder yaml = new StringBuilder();
        for (String base : BASES) {
            yaml.append(inMemory(substitute(Files.readString(FIXTURES.resolve(base))))).append("\n---\n");
        }
        Path manifest = Files.writeString(files.resolve("cluster.yaml"), yaml.toString());
        kubectl.run("apply", "-n", namespace, "-f", manifest.toString()).requireSuccess();
    }

    @AfterAll
    static void stopPlane() {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void clusterBecomesAvailableWithEveryMachineRunning() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(get("cluster", "c1", "{.status.conditions[?(@.type==\"Available\")].status}")).isEqualTo("True");
            List<String> phases = List.of(kubectl.run("get", "machines", "-n", namespace, "-o",
                    "jsonpath={.items[*].status.phase}").requireSuccess().stdout().strip().split("\\s+"));
            assertThat(phases).hasSize(5).containsOnly("Running");
        });
        assertThat(get("kcp", "c1-control-plane", "{.status.readyReplicas}/{.status.replicas}")).isEqualTo("3/3");
        assertThat(get("kcp", "c1-control-plane", "{.status.initialization.controlPlaneInitialized}")).isEqualTo("true");
        assertThat(get("md", "c1-md-0", "{.status.availableReplicas}")).isEqualTo("2");
        assertThat(get("secret", "c1-kubeconfig", "{.metadata.ownerReferences[0].kind}"))
                .isEqualTo("KubeadmControlPlane");
    }

    private static String get(String kind, String name, String jsonpath) {
        return kubectl.run("get", kind, name, "-n", namespace, "-o", "jsonpath=" + jsonpath).requireSuccess()
                .stdout().strip();
    }

    /** clusterctl's variable rules for what these bases use: {@code ${V}} and {@code ${V:-default}}. */
    private static String substitute(String yaml) {
        Matcher matcher = VARIABLE.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = VARIABLES.getOrDefault(matcher.group(1), matcher.group(2));
            if (value == null) {
                throw new IllegalStateException("fixture variable " + matcher.group(1) + " has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** Each {@code backend.docker} block (docker-only settings) becomes {@code inMemory: {}}. */
    private static String inMemory(String yaml) {
        List<String> lines = new ArrayList<>();
        int skipDeeperThan = -1;
        for (String line : yaml.split("\n", -1)) {
            int indent = line.length() - line.stripLeading().length();
            if (skipDeeperThan >= 0) {
                if (line.isBlank() || indent > skipDeeperThan) {
                    continue;
                }
                skipDeeperThan = -1;
            }
            Matcher docker = DOCKER_BACKEND.matcher(line);
            if (docker.matches()) {
                lines.add(docker.group(1) + "inMemory: {}");
                skipDeeperThan = docker.group(1).length();
            } else {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }
}
