package io.capj.e2e.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.capj.e2e.kubectl.Kubectl;
import io.capj.e2e.kubectl.KubectlBinaries;
import io.capj.e2e.kubectl.Testbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black box: a fresh {@code bin/capj serve} brings up a Cluster on the in-memory Dev provider with kubeadm
 * bootstrap data (one control-plane Machine created directly, two workers), applied with kubectl. The
 * workload cluster it simulates is then reached with kubectl through the kubeconfig capj wrote, and every
 * certificate involved verifies with {@code openssl verify} against the cluster CA.
 */
class InMemoryClusterKubectlTest {
    private static final String CLUSTER = """
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Cluster
            metadata: {name: c1, namespace: $NS}
            spec:
              clusterNetwork:
                pods: {cidrBlocks: [192.168.0.0/16]}
                services: {cidrBlocks: [10.128.0.0/12]}
                serviceDomain: cluster.local
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevCluster, name: c1}
            ---
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
            kind: DevCluster
            metadata: {name: c1, namespace: $NS}
            spec:
              backend:
                inMemory: {}
            """;
    private static final String MACHINE = """
            ---
            apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
            kind: KubeadmConfig
            metadata: {name: $NAME, namespace: $NS}
            spec:
              initConfiguration:
                nodeRegistration:
                  criSocket: unix:///var/run/containerd/containerd.sock
              joinConfiguration:
                nodeRegistration:
                  criSocket: unix:///var/run/containerd/containerd.sock
            ---
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
            kind: DevMachine
            metadata: {name: $NAME, namespace: $NS}
            spec:
              backend:
                inMemory:
                  vm: {provisioning: {startupDuration: 1s, startupJitter: "0.2"}}
                  node: {provisioning: {startupDuration: 500ms, startupJitter: "0.2"}}
                  apiServer: {provisioning: {startupDuration: 500ms, startupJitter: "0.2"}}
                  etcd: {provisioning: {startupDuration: 500ms, startupJitter: "0.2"}}
            ---
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Machine
            metadata:
              name: $NAME
              namespace: $NS
              labels: {$LABELS}
            spec:
              clusterName: c1
              version: v1.33.0
              bootstrap:
                configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfig, name: $NAME}
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachine, name: $NAME}
            """;
    private static final List<String> MACHINES = List.of("cp-0", "worker-0", "worker-1");

    @TempDir
    static Path files;
    private static Testbed testbed;
    private static Kubectl kubectl;
    private static String namespace;

    @BeforeAll
    static void applyCluster() {
        testbed = Testbed.start(KubectlBinaries.newestAndOldest().get(0), "capi-inmemory-e2e");
        kubectl = testbed.kubectl();
        namespace = testbed.newNamespace("inmemory");
        StringBuilder yaml = new StringBuilder(CLUSTER);
        for (String name : MACHINES) {
            String labels = name.startsWith("cp-") ? "cluster.x-k8s.io/control-plane: \"\"" : "";
            yaml.append(MACHINE.replace("$NAME", name).replace("$LABELS", labels));
        }
        kubectl.run("apply", "-f", write("cluster.yaml", yaml.toString().replace("$NS", namespace)).toString())
                .requireSuccess();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(get("cluster", "c1", "{.status.phase}")).isEqualTo("Provisioned");
            for (String machine : MACHINES) {
                assertThat(get("machine", machine, "{.status.phase}")).as(machine).isEqualTo("Running");
            }
        });
    }

    @AfterAll
    static void stopPlane() {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void kubectlListsTheWorkloadClusterNodesThroughTheGeneratedKubeconfig() {
        Path kubeconfig = write("c1.kubeconfig", secret("c1-kubeconfig", "value"));

        String nodes = kubectl.run("--kubeconfig=" + kubeconfig, "get", "nodes", "-o",
                "custom-columns=NAME:.metadata.name,PROVIDER:.spec.providerID,READY:.status.conditions[?(@.type==\"Ready\")].status",
                "--no-headers").requireSuccess().stdout();

        List<String> rows = nodes.lines().map(String::strip).toList();
        assertThat(rows).hasSize(3);
        for (String machine : MACHINES) {
            String node = get("machine", machine, "{.status.nodeRef.name}");
            assertThat(rows).anySatisfy(row -> assertThat(row.split("\\s+"))
                    .containsExactly(node, "in-memory://" + machine, "True"));
        }
        String endpoint = get("cluster", "c1", "{.spec.controlPlaneEndpoint.host}:{.spec.controlPlaneEndpoint.port}");
        assertThat(kubectl.run("--kubeconfig=" + kubeconfig, "config", "view", "-o", "jsonpath={.clusters[0].cluster.server}")
                .requireSuccess().stdout()).isEqualTo("https://" + endpoint);
    }

    @Test
    void certificatesVerifyAgainstTheClusterCa() {
        Path ca = write("ca.crt", secret("c1-ca", "tls.crt"));
        String kubeconfig = secret("c1-kubeconfig", "value");
        Path client = write("client.crt", new String(Base64.getDecoder().decode(
                field(kubeconfig, "client-certificate-data")), StandardCharsets.US_ASCII));
        Path served = write("served.crt", servedCertificate(get("cluster", "c1",
                "{.spec.controlPlaneEndpoint.host}:{.spec.controlPlaneEndpoint.port}")));

        assertThat(openssl("verify", "-CAfile", ca.toString(), client.toString())).isEqualTo(client + ": OK");
        assertThat(openssl("verify", "-CAfile", ca.toString(), served.toString())).isEqualTo(served + ": OK");
        // The other CAs are self-signed CAs of their own.
        for (String purpose : List.of("etcd", "proxy")) {
            Path other = write(purpose + ".crt", secret("c1-" + purpose, "tls.crt"));
            assertThat(openssl("verify", "-CAfile", other.toString(), other.toString())).isEqualTo(other + ": OK");
            assertThat(openssl("verify", "-CAfile", ca.toString(), other.toString())).doesNotEndWith(": OK");
        }
    }

    @Test
    void bootstrapDataIsKubeadmCloudConfig() {
        String init = secret("cp-0", "value");
        String join = secret("worker-0", "value");

        assertThat(init).startsWith("## template: jinja\n#cloud-config\n").contains("kubeadm init --config");
        assertThat(join).contains("kubeadm join --config").contains("node.cluster.x-k8s.io/uninitialized");
        assertThat(secret("cp-0", "format")).isEqualTo("cloud-config");
    }

    private static String get(String kind, String name, String jsonpath) {
        return kubectl.run("get", kind, name, "-n", namespace, "-o", "jsonpath=" + jsonpath).requireSuccess()
                .stdout().strip();
    }

    private static String secret(String name, String key) {
        String encoded = get("secret", name, "{.data." + key.replace(".", "\\.") + "}");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static String field(String kubeconfig, String key) {
        Matcher matcher = Pattern.compile(key + ": (\\S+)").matcher(kubeconfig);
        assertThat(matcher.find()).as(key + " in the kubeconfig").isTrue();
        return matcher.group(1);
    }

    /** The certificate the workload endpoint presents, as {@code openssl s_client} receives it. */
    private static String servedCertificate(String hostPort) {
        String output = run(List.of("openssl", "s_client", "-connect", hostPort, "-servername", "localhost"));
        Matcher pem = Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n?", Pattern.DOTALL)
                .matcher(output);
        assertThat(pem.find()).as("a certificate from " + hostPort + ":\n" + output).isTrue();
        return pem.group();
    }

    private static String openssl(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(Arrays.asList(args));
        return run(command).strip();
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path write(String name, String content) {
        try {
            return Files.writeString(files.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + name, e);
        }
    }
}
