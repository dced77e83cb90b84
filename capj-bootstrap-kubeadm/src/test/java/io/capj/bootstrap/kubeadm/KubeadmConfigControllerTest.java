package io.capj.bootstrap.kubeadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.capj.core.CoreControllers;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import io.capj.core.testing.WorkloadCluster;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KubeadmConfig controller with the core controllers against a real API server; the test plays the
 * infrastructure (Test* kinds) and the Nodes, in a real workload API server.
 */
class KubeadmConfigControllerTest {
    private static final ResourceKind<GenericKubernetesResource> INFRA_CLUSTER =
            TestProviders.kind(TestProviders.INFRA_CLUSTER);
    private static final ResourceKind<GenericKubernetesResource> INFRA_MACHINE =
            TestProviders.kind(TestProviders.INFRA_MACHINE);
    private static final ResourceKind<GenericKubernetesResource> CONFIG = KubeadmBootstrapKinds.KUBEADM_CONFIG;
    private static CorePlane plane;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        plane.startControllers((manager, remotes) -> {
            CoreControllers.register(manager, remotes);
            KubeadmConfigController.register(manager, remotes);
        });
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @Test
    void oneControlPlaneInitsUnderTheLockThenTheOthersJoinWithATokenInTheWorkloadCluster() throws Exception {
        String ns = plane.newNamespace("kubeadm");
        WorkloadCluster workload = clusterWithWorkload(ns, "c1");
        for (String name : List.of("cp-0", "cp-1")) {
            machineWithConfig(ns, "c1", name, true);
        }
        machineWithConfig(ns, "c1", "worker-0", false);
        plane.provisionInfraCluster(ns, "c1", "127.0.0.1", 6443);

        // Exactly one control-plane Machine holds the lock and gets init data; the rest wait.
        String initialized = eventually().until(() -> created(ns, List.of("cp-0", "cp-1")), Optional::isPresent).get();
        String waiting = initialized.equals("cp-0") ? "cp-1" : "cp-0";
        ConfigMap lock = plane.client().configMaps().inNamespace(ns).withName("c1-lock").get();
        assertThat(lock.getData().get("lock-information")).isEqualTo("{\"machineName\":\"" + initialized + "\"}");
        assertThat(lock.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> assertThat(ref.getKind() + "/" + ref.getName()).isEqualTo("Cluster/c1"));
        assertThat(dataSecretCreated(ns, waiting)).isFalse();
        assertThat(condition(config(ns, "worker-0"), "DataSecretAvailable").message())
                .isEqualTo("Waiting for Cluster control plane to be initialized");

        Secret data = plane.client().secrets().inNamespace(ns).withName(initialized).get();
        assertThat(data.getType()).isEqualTo("cluster.x-k8s.io/secret");
        assertThat(decode(data, "format")).isEqualTo("cloud-config");
        assertThat(decode(data, "value")).startsWith("## template: jinja\n#cloud-config\n")
                .contains("kubeadm init --config /run/kubeadm/kubeadm.yaml", "controlPlaneEndpoint: 127.0.0.1:6443",
                        "podSubnet: 192.168.0.0/16", "path: /etc/kubernetes/pki/etcd/ca.key");
        assertThat(data.getMetadata().getLabels()).containsEntry(CoreLabels.ClusterNameLabel, "c1");
        assertThat(data.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getKind() + "/" + ref.getName()).isEqualTo("KubeadmConfig/" + initialized);
            assertThat(ref.getController()).isTrue();
        });
        ObjectNode initConfig = config(ns, initialized);
        assertThat(initConfig.at("/status/dataSecretName").asText()).isEqualTo(initialized);
        assertThat(initConfig.at("/spec/clusterConfiguration/controlPlaneEndpoint").asText()).isEqualTo("127.0.0.1:6443");
        assertThat(condition(initConfig, "Ready").isTrue()).isTrue();
        assertThat(condition(initConfig, "CertificatesAvailable").isTrue()).isTrue();

        // The four shared key pairs, owned by the initializing config, real X.509 CAs (sa is a key pair).
        for (String purpose : List.of("ca", "etcd", "proxy")) {
            Secret secret = plane.client().secrets().inNamespace(ns).withName("c1-" + purpose).get();
            assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(ref -> assertThat(ref.getName()).isEqualTo(initialized));
            X509Certificate ca = PemCodec.parseCertificate(decode(secret, "tls.crt"));
            ca.verify(ca.getPublicKey());
            assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=kubernetes");
        }
        assertThat(decode(plane.client().secrets().inNamespace(ns).withName("c1-sa").get(), "tls.crt"))
                .startsWith("-----BEGIN PUBLIC KEY-----");

        // The first control-plane Machine gets a Node: the control plane is initialized and the rest join.
        // The Node first: before initialization the Machine looks it up when its infrastructure changes.
        workload.createNode(initialized, "test://" + initialized);
        plane.provisionInfraMachine(ns, initialized, "test://" + initialized);
        eventually().untilAsserted(() -> {
            assertThat(dataSecretCreated(ns, waiting)).isTrue();
            assertThat(dataSecretCreated(ns, "worker-0")).isTrue();
        });
        assertThat(plane.client().configMaps().inNamespace(ns).withName("c1-lock").get()).isNull();

        X509Certificate clusterCa = PemCodec.parseCertificate(decode(
                plane.client().secrets().inNamespace(ns).withName("c1-ca").get(), "tls.crt"));
        String expectedHash = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(clusterCa.getPublicKey().getEncoded()));
        for (String joiner : List.of(waiting, "worker-0")) {
            JsonNode discovery = config(ns, joiner).at("/spec/joinConfiguration/discovery/bootstrapToken");
            assertThat(discovery.path("apiServerEndpoint").asText()).isEqualTo("127.0.0.1:6443");
            assertThat(discovery.path("caCertHashes")).containsExactly(Json.NODES.textNode(expectedHash));
            String token = discovery.path("token").asText();
            assertThat(token).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
            Secret tokenSecret = workload.client().secrets().inNamespace("kube-system")
                    .withName("bootstrap-token-" + token.substring(0, 6)).get();
            assertThat(tokenSecret.getType()).isEqualTo("bootstrap.kubernetes.io/token");
            assertThat(decode(tokenSecret, "token-secret")).isEqualTo(token.substring(7));
            assertThat(decode(tokenSecret, "auth-extra-groups"))
                    .isEqualTo("system:bootstrappers:kubeadm:default-node-token");
            Instant expiration = Instant.parse(decode(tokenSecret, "expiration"));
            assertThat(expiration).isBetween(Instant.now().plus(Duration.ofMinutes(13)),
                    Instant.now().plus(Duration.ofMinutes(16)));
        }
        assertThat(config(ns, waiting).at("/spec/joinConfiguration").has("controlPlane")).isTrue();
        String controlPlaneJoin = decode(plane.client().secrets().inNamespace(ns).withName(waiting).get(), "value");
        assertThat(controlPlaneJoin).contains("kubeadm join --config /run/kubeadm/kubeadm-join-config.yaml",
                "controlPlane:", "path: /etc/kubernetes/pki/ca.key", expectedHash);
        String workerJoin = decode(plane.client().secrets().inNamespace(ns).withName("worker-0").get(), "value");
        assertThat(workerJoin).contains("kubeadm join", "node.cluster.x-k8s.io/uninitialized",
                config(ns, "worker-0").at("/spec/joinConfiguration/discovery/bootstrapToken/token").asText())
                .doesNotContain("/etc/kubernetes/pki/ca.key");
        assertThat(config(ns, "worker-0").at("/spec/joinConfiguration").has("controlPlane")).isFalse();
    }

    @Test
    void userProvidedClusterCaIsUsedAsItIsAndNeverOwned() throws Exception {
        String ns = plane.newNamespace("userca");
        clusterWithWorkload(ns, "c2");
        CertifiedKey ca = CertificateIssuer.selfSignedCa("my-own-ca", CertificateIssuer.newKeyPair(), Instant.now(),
                Duration.ofDays(30));
        plane.client().secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("c2-ca")
                .addToLabels(CoreLabels.ClusterNameLabel, "c2").endMetadata().withType("cluster.x-k8s.io/secret")
                .addToStringData("tls.crt", PemCodec.encodeCertificate(ca.certificate()))
                .addToStringData("tls.key", PemCodec.encodePrivateKey(ca.privateKey())).build()).create();
        machineWithConfig(ns, "c2", "cp-0", true);
        plane.provisionInfraCluster(ns, "c2", "127.0.0.1", 6443);

        eventually().until(() -> dataSecretCreated(ns, "cp-0"));
        Secret kept = plane.client().secrets().inNamespace(ns).withName("c2-ca").get();
        assertThat(kept.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(PemCodec.parseCertificate(decode(kept, "tls.crt"))).isEqualTo(ca.certificate());
        assertThat(plane.client().secrets().inNamespace(ns).withName("c2-etcd").get().getMetadata()
                .getOwnerReferences()).singleElement().satisfies(ref -> assertThat(ref.getName()).isEqualTo("cp-0"));
    }

    @Test
    void presetDataSecretNameIsAdoptedAndPausedConfigsAreLeftAlone() {
        String ns = plane.newNamespace("preset");
        clusterWithWorkload(ns, "c3");
        ObjectNode machine = machineWithConfig(ns, "c3", "cp-0", true);
        plane.mergePatch(CoreKinds.MACHINE, ns, ObjectMeta.name(machine),
                "{\"spec\":{\"bootstrap\":{\"dataSecretName\":\"handmade\"}}}");
        machineWithConfig(ns, "c3", "cp-1", true);
        plane.mergePatch(CONFIG, ns, "cp-1", "{\"metadata\":{\"annotations\":{\"cluster.x-k8s.io/paused\":\"\"}}}");
        plane.provisionInfraCluster(ns, "c3", "127.0.0.1", 6443);

        eventually().untilAsserted(() -> {
            ObjectNode adopted = config(ns, "cp-0");
            assertThat(adopted.at("/status/dataSecretName").asText()).isEqualTo("handmade");
            assertThat(condition(adopted, "Ready").isTrue()).isTrue();
            assertThat(condition(config(ns, "cp-1"), "Paused").isTrue()).isTrue();
        });
        assertThat(plane.client().secrets().inNamespace(ns).withName("cp-0").get()).isNull();
        assertThat(dataSecretCreated(ns, "cp-1")).isFalse();
    }

    // ---- fixtures ------------------------------------------------------------------------------------

    /** A Cluster without control-plane provider on a TestInfraCluster, with its workload API server. */
    private static WorkloadCluster clusterWithWorkload(String ns, String name) {
        ObjectNode infra = object(TestProviders.apiVersion(TestProviders.INFRA_CLUSTER), TestProviders.INFRA_CLUSTER, ns,
                name);
        infra.putObject("spec");
        plane.create(INFRA_CLUSTER, infra);
        ObjectNode cluster = object(CoreGroup.API_VERSION, "Cluster", ns, name);
        ObjectNode spec = cluster.putObject("spec");
        spec.putObject("clusterNetwork").putObject("pods").putArray("cidrBlocks").add("192.168.0.0/16");
        spec.putObject("infrastructureRef").put("apiGroup", "infrastructure.cluster.x-k8s.io")
                .put("kind", TestProviders.INFRA_CLUSTER).put("name", name);
        plane.create(CoreKinds.CLUSTER, cluster);
        // Before the CA exists, so core leaves this kubeconfig (to the test's workload server) alone.
        return plane.startWorkloadCluster(ns, name);
    }

    private static ObjectNode machineWithConfig(String ns, String cluster, String name, boolean controlPlane) {
        ObjectNode config = object(BootstrapGroup.API_VERSION, "KubeadmConfig", ns, name);
        ObjectNode configSpec = config.putObject("spec");
        if (controlPlane) {
            configSpec.putObject("initConfiguration").putObject("nodeRegistration").put("name", "{{ ds.meta_data.local_hostname }}");
        }
        configSpec.putObject("joinConfiguration").putObject("nodeRegistration").put("name", "{{ ds.meta_data.local_hostname }}");
        plane.create(CONFIG, config);
        ObjectNode infra = object(TestProviders.apiVersion(TestProviders.INFRA_MACHINE), TestProviders.INFRA_MACHINE, ns,
                name);
        infra.putObject("spec");
        plane.create(INFRA_MACHINE, infra);
        ObjectNode machine = object(CoreGroup.API_VERSION, "Machine", ns, name);
        if (controlPlane) {
            ObjectMeta.of(machine).putObject("labels").put(CoreLabels.MachineControlPlaneLabel, "");
        }
        ObjectNode spec = machine.putObject("spec").put("clusterName", cluster).put("version", "v1.33.0");
        spec.putObject("bootstrap").putObject("configRef").put("apiGroup", BootstrapGroup.NAME)
                .put("kind", "KubeadmConfig").put("name", name);
        spec.putObject("infrastructureRef").put("apiGroup", "infrastructure.cluster.x-k8s.io")
                .put("kind", TestProviders.INFRA_MACHINE).put("name", name);
        return plane.create(CoreKinds.MACHINE, machine);
    }

    private static ObjectNode object(String apiVersion, String kind, String ns, String name) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", ns);
        return object;
    }

    private static Optional<String> created(String ns, List<String> names) {
        return names.stream().filter(name -> dataSecretCreated(ns, name)).findFirst();
    }

    private static boolean dataSecretCreated(String ns, String name) {
        return config(ns, name).at("/status/initialization/dataSecretCreated").asBoolean(false);
    }

    private static ObjectNode config(String ns, String name) {
        return plane.get(CONFIG, ns, name).orElseThrow();
    }

    private static Condition condition(JsonNode object, String type) {
        return Condition.find(object.path("status"), type).orElseThrow(
                () -> new AssertionError("no " + type + " condition on " + ObjectMeta.name(object)));
    }

    private static String decode(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));
    }
}
