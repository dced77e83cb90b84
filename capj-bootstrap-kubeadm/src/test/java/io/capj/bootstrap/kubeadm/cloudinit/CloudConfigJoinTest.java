package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.BootstrapInputs.render;
import static io.capj.bootstrap.kubeadm.cloudinit.RenderedCloudConfig.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kubeadm join} bootstrap data for workers and control plane machines. */
class CloudConfigJoinTest {
    private static final String JOIN_COMMAND = "kubeadm join --config /run/kubeadm/kubeadm-join-config.yaml  && "
            + "echo success > /run/cluster-api/bootstrap-success.complete";
    private static final Map<String, Object> UNINITIALIZED_TAINT =
            Map.of("key", "node.cluster.x-k8s.io/uninitialized", "effect", "NoSchedule");
    private static final String TOKEN_DISCOVERY = """
            joinConfiguration:
              discovery:
                bootstrapToken:
                  token: abcdef.0123456789abcdef
                  apiServerEndpoint: "10.0.0.1:6443"
                  caCertHashes: ["sha256:0123"]
                  unsafeSkipCAVerification: false
            """;

    @Test
    void workerJoinsWithTokenDiscoveryAndNoCertificates() {
        RenderedCloudConfig out = render(NodeRole.JOIN_WORKER, "v1.33.0", TOKEN_DISCOVERY + """
                preKubeadmCommands: [echo pre]
                postKubeadmCommands: [echo post]
                """);

        assertThat(out.paths()).containsExactly("/run/kubeadm/kubeadm-join-config.yaml", "/run/cluster-api/placeholder");
        assertThat(out.content("/run/kubeadm/kubeadm-join-config.yaml")).startsWith("---\napiVersion: ");
        Map<String, Object> join = out.kubeadm("JoinConfiguration");
        assertThat(join).containsEntry("apiVersion", "kubeadm.k8s.io/v1beta4").doesNotContainKey("controlPlane");
        assertThat(map(join.get("discovery"))).isEqualTo(Map.of("bootstrapToken", Map.of(
                "token", "abcdef.0123456789abcdef", "apiServerEndpoint", "10.0.0.1:6443",
                "caCertHashes", List.of("sha256:0123"))));
        assertThat(out.runcmd()).containsExactly("echo pre", JOIN_COMMAND, "echo post");
    }

    @Test
    void workerRegistersWithTheUninitializedTaintAddedOnce() {
        Map<String, Object> added = map(render(NodeRole.JOIN_WORKER, "v1.33.0", """
                joinConfiguration:
                  nodeRegistration: {taints: [{key: dedicated, value: gpu, effect: NoExecute}]}
                """).kubeadm("JoinConfiguration").get("nodeRegistration"));
        Map<String, Object> alreadyThere = map(render(NodeRole.JOIN_WORKER, "v1.33.0", """
                joinConfiguration:
                  nodeRegistration: {taints: [{key: node.cluster.x-k8s.io/uninitialized, effect: NoSchedule}]}
                """).kubeadm("JoinConfiguration").get("nodeRegistration"));

        assertThat(added.get("taints")).isEqualTo(List.of(
                Map.of("key", "dedicated", "value", "gpu", "effect", "NoExecute"), UNINITIALIZED_TAINT));
        assertThat(alreadyThere.get("taints")).isEqualTo(List.of(UNINITIALIZED_TAINT));
    }

    @Test
    void workerWithAControlPlaneSectionIsRefused() {
        assertThatThrownBy(() -> render(NodeRole.JOIN_WORKER, "v1.33.0", """
                joinConfiguration: {controlPlane: {}}
                """))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessage("Machine is a Worker, but JoinConfiguration.ControlPlane is set in the KubeadmConfig object");
    }

    @Test
    void controlPlaneJoinWritesCertificatesAndAControlPlaneSection() {
        RenderedCloudConfig out = render(NodeRole.JOIN_CONTROL_PLANE, "v1.33.0", TOKEN_DISCOVERY + """
                  controlPlane: {localAPIEndpoint: {advertiseAddress: 10.0.0.5, bindPort: 6443}}
                  nodeRegistration: {name: cp-2}
                verbosity: 4
                """);

        assertThat(out.paths()).containsExactly("/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key",
                "/run/kubeadm/kubeadm-join-config.yaml", "/run/cluster-api/placeholder");
        Map<String, Object> join = out.kubeadm("JoinConfiguration");
        assertThat(join.get("controlPlane")).isEqualTo(Map.of("localAPIEndpoint",
                Map.of("advertiseAddress", "10.0.0.5", "bindPort", 6443)));
        assertThat(map(join.get("nodeRegistration"))).containsEntry("name", "cp-2").containsEntry("taints", null);
        assertThat(out.runcmd()).containsExactly("kubeadm join --config /run/kubeadm/kubeadm-join-config.yaml --v 4 "
                + "&& echo success > /run/cluster-api/bootstrap-success.complete");
    }

    @Test
    void controlPlaneJoinWithoutASectionGetsAnEmptyOne() {
        Map<String, Object> join = render(NodeRole.JOIN_CONTROL_PLANE, "v1.33.0", TOKEN_DISCOVERY)
                .kubeadm("JoinConfiguration");

        assertThat(join.get("controlPlane")).isEqualTo(Map.of("localAPIEndpoint", Map.of()));
    }

    @Test
    void v1beta3JoinMovesTheTlsBootstrapTimeoutIntoDiscovery() {
        Map<String, Object> join = render(NodeRole.JOIN_WORKER, "v1.29.3", TOKEN_DISCOVERY + """
                  timeouts: {tlsBootstrapSeconds: 300, discoverySeconds: 60}
                  nodeRegistration: {kubeletExtraArgs: [{name: node-labels, value: "a=b"}]}
                  caCertPath: /etc/kubernetes/pki/ca.crt
                """).kubeadm("JoinConfiguration");

        assertThat(join).containsEntry("apiVersion", "kubeadm.k8s.io/v1beta3")
                .containsEntry("caCertPath", "/etc/kubernetes/pki/ca.crt")
                .doesNotContainKey("timeouts");
        assertThat(map(join.get("discovery"))).containsEntry("timeout", "5m0s");
        assertThat(map(join.get("nodeRegistration"))).containsEntry("kubeletExtraArgs", Map.of("node-labels", "a=b"));
    }

    @Test
    void v1beta4JoinKeepsTimeoutsAsDurations() {
        Map<String, Object> join = render(NodeRole.JOIN_WORKER, "v1.32.0", TOKEN_DISCOVERY + """
                  timeouts: {tlsBootstrapSeconds: 300, discoverySeconds: 3600}
                  skipPhases: [preflight]
                """).kubeadm("JoinConfiguration");

        assertThat(join.get("timeouts")).isEqualTo(Map.of("tlsBootstrap", "5m0s", "discovery", "1h0m0s"));
        assertThat(map(join.get("discovery"))).doesNotContainKey("timeout");
        assertThat(join).containsEntry("skipPhases", List.of("preflight"));
    }

    @Test
    void fileDiscoveryWritesTheInlineKubeconfigAndOnlyItsPathGoesToKubeadm() {
        RenderedCloudConfig out = render(NodeRole.JOIN_WORKER, "v1.33.0", """
                joinConfiguration:
                  discovery:
                    file:
                      kubeConfigPath: /etc/kubernetes/discovery.conf
                      kubeConfig:
                        cluster: {server: "https://10.0.0.1:6443", certificateAuthorityData: Q0FEQVRB}
                        user:
                          exec: {command: /usr/bin/token, args: [--cluster, c1], env: [{name: REGION, value: eu}]}
                    tlsBootstrapToken: abcdef.0123456789abcdef
                """);

        assertThat(out.paths()).containsExactly("/etc/kubernetes/discovery.conf",
                "/run/kubeadm/kubeadm-join-config.yaml", "/run/cluster-api/placeholder");
        assertThat(out.file("/etc/kubernetes/discovery.conf")).containsEntry("owner", "root:root")
                .containsEntry("permissions", "0640");
        Map<String, Object> kubeconfig = out.documents("/etc/kubernetes/discovery.conf").get(0);
        assertThat(kubeconfig).containsEntry("current-context", "default")
                .containsEntry("clusters", List.of(Map.of("name", "default", "cluster",
                        Map.of("server", "https://10.0.0.1:6443", "certificate-authority-data", "Q0FEQVRB"))))
                .containsEntry("contexts", List.of(Map.of("name", "default", "context",
                        Map.of("cluster", "default", "user", "default"))))
                .containsEntry("users", List.of(Map.of("name", "default", "user", Map.of("exec", Map.of(
                        "command", "/usr/bin/token", "args", List.of("--cluster", "c1"),
                        "env", List.of(Map.of("name", "REGION", "value", "eu")),
                        "apiVersion", "client.authentication.k8s.io/v1", "provideClusterInfo", false,
                        "interactiveMode", "Never")))));
        assertThat(map(out.kubeadm("JoinConfiguration").get("discovery"))).isEqualTo(Map.of(
                "file", Map.of("kubeConfigPath", "/etc/kubernetes/discovery.conf"),
                "tlsBootstrapToken", "abcdef.0123456789abcdef"));
    }
}
