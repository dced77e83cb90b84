package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.BootstrapInputs.render;
import static io.capj.bootstrap.kubeadm.cloudinit.RenderedCloudConfig.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kubeadm init} bootstrap data: layout, kubeadm documents per API version, commands. */
class CloudConfigInitTest {
    private static final String INIT_COMMAND = "kubeadm init --config /run/kubeadm/kubeadm.yaml  && "
            + "echo success > /run/cluster-api/bootstrap-success.complete";

    @Test
    void layoutFollowsUpstreamOrder() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", """
                files: [{path: /etc/motd, content: hi}]
                bootCommands: [echo boot]
                ntp: {servers: [pool.ntp.org]}
                users: [{name: capi}]
                mounts: [[data, /data]]
                diskSetup: {partitions: [{device: /dev/sdb, layout: true}], filesystems: [{device: /dev/sdb1, filesystem: ext4}]}
                """);

        assertThat(out.text()).startsWith("## template: jinja\n#cloud-config\n");
        assertThat(out.root().keySet()).containsExactly(
                "write_files", "bootcmd", "runcmd", "ntp", "users", "disk_setup", "fs_setup", "mounts");
        assertThat(out.paths()).containsExactly("/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key",
                "/etc/motd", "/run/kubeadm/kubeadm.yaml", "/run/cluster-api/placeholder");
    }

    @Test
    void writesCertificatesAndTheKubeadmFileAsRootWithTheirModes() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", "");

        assertThat(out.file("/etc/kubernetes/pki/ca.crt")).containsEntry("owner", "root:root")
                .containsEntry("permissions", "0640")
                .containsEntry("content", BootstrapInputs.CERTIFICATES.get(0).content());
        assertThat(out.file("/etc/kubernetes/pki/ca.key")).containsEntry("permissions", "0600");
        assertThat(out.file("/run/kubeadm/kubeadm.yaml")).containsEntry("owner", "root:root")
                .containsEntry("permissions", "0640");
        assertThat(out.content("/run/cluster-api/placeholder")).startsWith("This placeholder file is used");
    }

    @Test
    void kubeadmFileHoldsClusterThenInitConfigurationFilledFromTheCluster() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", "");

        List<Map<String, Object>> documents = out.documents("/run/kubeadm/kubeadm.yaml");
        assertThat(out.content("/run/kubeadm/kubeadm.yaml")).startsWith("---\n");
        assertThat(documents).extracting(document -> document.get("kind"))
                .containsExactly("ClusterConfiguration", "InitConfiguration");
        assertThat(documents).extracting(document -> document.get("apiVersion"))
                .containsOnly("kubeadm.k8s.io/v1beta4");
        Map<String, Object> cluster = documents.get(0);
        assertThat(cluster).containsEntry("clusterName", "my-cluster")
                .containsEntry("controlPlaneEndpoint", "10.0.0.1:6443")
                .containsEntry("kubernetesVersion", "v1.33.0")
                .containsEntry("networking", Map.of("dnsDomain", "cluster.local", "podSubnet", "192.168.0.0/16",
                        "serviceSubnet", "10.96.0.0/12"))
                .containsEntry("apiServer", Map.of()).containsEntry("etcd", Map.of()).containsEntry("proxy", Map.of());
        Map<String, Object> init = documents.get(1);
        assertThat(init).containsEntry("localAPIEndpoint", Map.of());
        assertThat(map(init.get("nodeRegistration"))).containsEntry("taints", null);
    }

    @Test
    void kubeadmDocumentKeysAreSortedAsKubeadmWritesThem() {
        String content = render(NodeRole.INIT, "v1.33.0", "").content("/run/kubeadm/kubeadm.yaml");

        assertThat(content).containsSubsequence("apiServer: {}", "apiVersion:", "clusterName:",
                "controlPlaneEndpoint:", "controllerManager: {}", "dns: {}", "etcd: {}", "kind: ClusterConfiguration",
                "kubernetesVersion:", "networking:", "proxy: {}", "scheduler: {}", "---",
                "apiVersion:", "kind: InitConfiguration", "localAPIEndpoint: {}", "nodeRegistration:");
    }

    @Test
    void specControlPlaneEndpointWinsOverTheClusters() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", """
                clusterConfiguration: {controlPlaneEndpoint: "lb.example.com:443"}
                """);

        assertThat(out.kubeadm("ClusterConfiguration")).containsEntry("controlPlaneEndpoint", "lb.example.com:443");
    }

    @Test
    void v1beta4KeepsListsAndConvertsSecondsAndDaysToDurations() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.31.0", """
                clusterConfiguration:
                  apiServer:
                    extraArgs: [{name: cloud-provider, value: external}]
                    extraEnvs: [{name: HTTP_PROXY, value: "http://proxy:3128"}]
                    extraVolumes: [{name: audit, hostPath: /var/log/audit, mountPath: /audit, readOnly: true, pathType: DirectoryOrCreate}]
                    certSANs: [api.example.com]
                  certificateValidityPeriodDays: 365
                  encryptionAlgorithm: ECDSA-P256
                  featureGates: {EtcdLearnerMode: true}
                initConfiguration:
                  bootstrapTokens: [{token: abcdef.0123456789abcdef, ttlSeconds: 86400, usages: [signing]}]
                  nodeRegistration:
                    kubeletExtraArgs: [{name: max-pods, value: "110"}]
                    imagePullSerial: false
                    imagePullPolicy: IfNotPresent
                    ignorePreflightErrors: [Swap, NumCPU]
                  timeouts: {controlPlaneComponentHealthCheckSeconds: 90, kubeletHealthCheckSeconds: 0}
                  skipPhases: [addon/kube-proxy]
                  patches: {directory: /etc/kubeadm/patches}
                """);

        Map<String, Object> cluster = out.kubeadm("ClusterConfiguration");
        Map<String, Object> apiServer = map(cluster.get("apiServer"));
        assertThat(apiServer.get("extraArgs")).isEqualTo(List.of(Map.of("name", "cloud-provider", "value", "external")));
        assertThat(apiServer.get("extraEnvs")).isEqualTo(List.of(Map.of("name", "HTTP_PROXY", "value", "http://proxy:3128")));
        assertThat(apiServer.get("extraVolumes")).isEqualTo(List.of(Map.of("name", "audit", "hostPath", "/var/log/audit",
                "mountPath", "/audit", "readOnly", true, "pathType", "DirectoryOrCreate")));
        assertThat(apiServer.get("certSANs")).isEqualTo(List.of("api.example.com"));
        assertThat(cluster).containsEntry("certificateValidityPeriod", "8760h0m0s")
                .containsEntry("encryptionAlgorithm", "ECDSA-P256")
                .containsEntry("featureGates", Map.of("EtcdLearnerMode", true))
                .doesNotContainKey("caCertificateValidityPeriod");
        Map<String, Object> init = out.kubeadm("InitConfiguration");
        assertThat(init.get("bootstrapTokens")).isEqualTo(List.of(Map.of("token", "abcdef.0123456789abcdef",
                "ttl", "24h0m0s", "usages", List.of("signing"))));
        assertThat(init.get("timeouts")).isEqualTo(Map.of("controlPlaneComponentHealthCheck", "1m30s",
                "kubeletHealthCheck", "0s"));
        assertThat(init).containsEntry("skipPhases", List.of("addon/kube-proxy"))
                .containsEntry("patches", Map.of("directory", "/etc/kubeadm/patches"));
        assertThat(map(init.get("nodeRegistration")))
                .containsEntry("kubeletExtraArgs", List.of(Map.of("name", "max-pods", "value", "110")))
                .containsEntry("imagePullSerial", false)
                .containsEntry("imagePullPolicy", "IfNotPresent")
                .containsEntry("ignorePreflightErrors", List.of("Swap", "NumCPU"));
    }

    @Test
    void v1beta3TurnsArgListsIntoMapsAndMovesTheHealthCheckTimeout() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.30.5", """
                clusterConfiguration:
                  apiServer:
                    extraArgs: [{name: cloud-provider, value: external}, {name: v, value: "2"}]
                    extraEnvs: [{name: HTTP_PROXY, value: "http://proxy:3128"}]
                  controllerManager: {extraArgs: [{name: bind-address, value: 0.0.0.0}]}
                  certificateValidityPeriodDays: 365
                  encryptionAlgorithm: RSA-2048
                  etcd: {local: {dataDir: /var/lib/etcd, extraArgs: [{name: quota-backend-bytes, value: "8589934592"}]}}
                initConfiguration:
                  nodeRegistration: {kubeletExtraArgs: [{name: max-pods, value: "110"}], imagePullSerial: true}
                  timeouts: {controlPlaneComponentHealthCheckSeconds: 300}
                """);

        Map<String, Object> cluster = out.kubeadm("ClusterConfiguration");
        assertThat(cluster).containsEntry("apiVersion", "kubeadm.k8s.io/v1beta3")
                .doesNotContainKeys("proxy", "certificateValidityPeriod", "encryptionAlgorithm");
        assertThat(map(cluster.get("apiServer"))).isEqualTo(Map.of(
                "extraArgs", Map.of("cloud-provider", "external", "v", "2"),
                "timeoutForControlPlane", "5m0s"));
        assertThat(map(cluster.get("controllerManager"))).isEqualTo(Map.of("extraArgs", Map.of("bind-address", "0.0.0.0")));
        assertThat(map(map(cluster.get("etcd")).get("local"))).isEqualTo(Map.of("dataDir", "/var/lib/etcd",
                "extraArgs", Map.of("quota-backend-bytes", "8589934592")));
        Map<String, Object> init = out.kubeadm("InitConfiguration");
        assertThat(init).containsEntry("apiVersion", "kubeadm.k8s.io/v1beta3").doesNotContainKey("timeouts");
        assertThat(map(init.get("nodeRegistration"))).containsOnlyKeys("kubeletExtraArgs", "taints")
                .containsEntry("kubeletExtraArgs", Map.of("max-pods", "110"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "v1.22.0, kubeadm.k8s.io/v1beta3",
        "1.30.99, kubeadm.k8s.io/v1beta3",
        "v1.31.0-rc.1, kubeadm.k8s.io/v1beta4",
        "v1.31, kubeadm.k8s.io/v1beta4",
        "v1.35.2+build.7, kubeadm.k8s.io/v1beta4",
    })
    void kubernetesVersionChoosesTheKubeadmApi(String version, String apiVersion) {
        assertThat(render(NodeRole.INIT, version, "").kubeadm("InitConfiguration"))
                .containsEntry("apiVersion", apiVersion);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "v1.21.9, doesn't support Kubernetes version lower than v1.22.0",
        "latest, failed to parse kubernetes version \"latest\"",
        "v1.x.0, failed to parse kubernetes version",
    })
    void refusesVersionsKubeadmsApiDoesNotCover(String version, String message) {
        assertThatThrownBy(() -> render(NodeRole.INIT, version, ""))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageContaining(message);
    }

    @Test
    void etcdBlocksAreWrittenOnlyWhenDefined() {
        Map<String, Object> etcd = map(render(NodeRole.INIT, "v1.33.0", """
                clusterConfiguration:
                  etcd:
                    local: {imageTag: 3.5.9-0, serverCertSANs: [etcd.local]}
                    external: {endpoints: ["https://etcd:2379"], caFile: /ca.crt, certFile: /c.crt, keyFile: /c.key}
                """).kubeadm("ClusterConfiguration").get("etcd"));

        assertThat(map(etcd.get("local"))).isEqualTo(Map.of("imageTag", "3.5.9-0", "dataDir", "",
                "serverCertSANs", List.of("etcd.local")));
        assertThat(map(etcd.get("external"))).isEqualTo(Map.of("endpoints", List.of("https://etcd:2379"),
                "caFile", "/ca.crt", "certFile", "/c.crt", "keyFile", "/c.key"));
    }

    @Test
    void emptyTaintListMeansNoTaintsAndIsKeptDistinctFromUnset() {
        Map<String, Object> registration = map(render(NodeRole.INIT, "v1.33.0", """
                initConfiguration: {nodeRegistration: {taints: []}}
                """).kubeadm("InitConfiguration").get("nodeRegistration"));

        assertThat(registration.get("taints")).isEqualTo(List.of());
    }

    @Test
    void runsKubeadmInitBetweenPreAndPostCommands() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", """
                preKubeadmCommands: ["echo pre", "echo 'a: b' > /tmp/x"]
                postKubeadmCommands: ["echo post"]
                bootCommands: ["echo \\"boot\\""]
                """);

        assertThat(out.runcmd()).containsExactly("echo pre", "echo 'a: b' > /tmp/x", INIT_COMMAND, "echo post");
        assertThat(out.root().get("bootcmd")).isEqualTo(List.of("echo \"boot\""));
    }

    @Test
    void verbosityAddsTheFlagToTheKubeadmCommand() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", "verbosity: 10");

        assertThat(out.runcmd()).containsExactly("kubeadm init --config /run/kubeadm/kubeadm.yaml --v 10 && "
                + "echo success > /run/cluster-api/bootstrap-success.complete");
    }

    @Test
    void jinjaInstanceDataReferencesSurviveForCloudInitToRender() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", """
                initConfiguration: {nodeRegistration: {name: "{{ ds.meta_data.local_hostname }}"}}
                """);

        assertThat(map(out.kubeadm("InitConfiguration").get("nodeRegistration")))
                .containsEntry("name", "{{ ds.meta_data.local_hostname }}");
    }
}
