package io.capj.core.cluster;

import static io.capj.core.cluster.ClusterFixtures.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterConditions;
import io.capj.api.core.v1beta2.ClusterSecrets;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.ObjectMeta;
import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Cluster controller alone against a real API server; the test plays the providers and the workers. */
class ClusterControllerTest {
    private static final ResourceKind<GenericKubernetesResource> INFRA = TestProviders.kind(TestProviders.INFRA_CLUSTER);
    private static final ResourceKind<GenericKubernetesResource> CONTROL_PLANE =
            TestProviders.kind(TestProviders.CONTROL_PLANE);
    private static CorePlane plane;

    @BeforeAll
    static void start() {
        plane = CorePlane.start();
        plane.startControllers((manager, remotes) -> ClusterController.register(manager));
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    @Test
    void clusterIsProvisionedFromItsInfrastructureAndControlPlane() {
        String ns = plane.newNamespace("cluster");
        plane.create(INFRA, ClusterFixtures.provider(TestProviders.INFRA_CLUSTER, ns, "c1"));
        plane.create(CoreKinds.CLUSTER, ClusterFixtures.cluster(ns, "c1"));

        eventually().untilAsserted(() -> assertThat(condition(cluster(ns, "c1"),
                ClusterConditions.ClusterControlPlaneAvailableCondition).reason())
                .isEqualTo(ClusterConditions.ClusterControlPlaneDoesNotExistReason));

        // Labelled with its Cluster's name, as templates do, so its creation wakes the Cluster up at once.
        ObjectNode controlPlane = ClusterFixtures.provider(TestProviders.CONTROL_PLANE, ns, "c1");
        ((ObjectNode) controlPlane.get("metadata")).putObject("labels").put(CoreLabels.ClusterNameLabel, "c1");
        plane.create(CONTROL_PLANE, controlPlane);

        eventually().untilAsserted(() -> {
            ObjectNode cluster = cluster(ns, "c1");
            assertThat(ObjectMeta.finalizers(cluster)).contains(CoreFinalizers.ClusterFinalizer);
            assertThat(cluster.at("/status/phase").asText()).isEqualTo("Provisioning");
            assertLinkedTo(plane.get(INFRA, ns, "c1").orElseThrow(), cluster);
            assertLinkedTo(plane.get(CONTROL_PLANE, ns, "c1").orElseThrow(), cluster);
            assertThat(condition(cluster, ClusterConditions.ClusterInfrastructureReadyCondition).reason())
                    .isEqualTo(ClusterConditions.ClusterInfrastructureNotReadyReason);
        });

        plane.provisionInfraCluster(ns, "c1", "10.0.0.10", 6443, "fd-b", "fd-a");

        eventually().untilAsserted(() -> {
            ObjectNode cluster = cluster(ns, "c1");
            assertThat(cluster.at("/status/phase").asText()).isEqualTo("Provisioned");
            assertThat(cluster.at("/spec/controlPlaneEndpoint/host").asText()).isEqualTo("10.0.0.10");
            assertThat(cluster.at("/spec/controlPlaneEndpoint/port").asInt()).isEqualTo(6443);
            assertThat(cluster.at("/status/initialization/infrastructureProvisioned").asBoolean()).isTrue();
            assertThat(failureDomains(cluster)).containsExactly("fd-a", "fd-b");
            assertThat(condition(cluster, ClusterConditions.ClusterInfrastructureReadyCondition).isTrue()).isTrue();
            assertThat(condition(cluster, ClusterConditions.ClusterControlPlaneInitializedCondition).isTrue()).isFalse();
        });

        plane.mergePatchStatus(CONTROL_PLANE, ns, "c1",
                "{\"status\":{\"initialization\":{\"controlPlaneInitialized\":true}}}");

        eventually().untilAsserted(() -> {
            ObjectNode cluster = cluster(ns, "c1");
            assertThat(cluster.at("/status/initialization/controlPlaneInitialized").asBoolean()).isTrue();
            assertThat(condition(cluster, ClusterConditions.ClusterControlPlaneInitializedCondition).isTrue()).isTrue();
            assertThat(condition(cluster, ClusterConditions.ClusterWorkersAvailableCondition).reason())
                    .isEqualTo(ClusterConditions.ClusterWorkersAvailableNoWorkersReason);
            assertThat(condition(cluster, ClusterConditions.ClusterAvailableCondition).isTrue()).isTrue();
        });
    }

    @Test
    void withoutControlPlaneProviderTheKubeconfigIsWrittenOnceTheClusterCaExists() throws Exception {
        String ns = plane.newNamespace("kubeconfig");
        plane.create(INFRA, ClusterFixtures.provider(TestProviders.INFRA_CLUSTER, ns, "c1"));
        ObjectNode standalone = ClusterFixtures.cluster(ns, "c1");
        ((ObjectNode) standalone.get("spec")).remove("controlPlaneRef");
        plane.create(CoreKinds.CLUSTER, standalone);
        plane.provisionInfraCluster(ns, "c1", "127.0.0.1", 6443);
        eventually().untilAsserted(() -> assertThat(cluster(ns, "c1").at("/status/phase").asText())
                .isEqualTo("Provisioned"));
        assertThat(plane.client().secrets().inNamespace(ns).withName("c1-kubeconfig").get()).isNull();

        CertifiedKey ca = CertificateIssuer.selfSignedCa("kubernetes", CertificateIssuer.newKeyPair(), Instant.now(),
                Duration.ofDays(3650));
        plane.client().secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("c1-ca")
                .addToLabels(CoreLabels.ClusterNameLabel, "c1").endMetadata().withType(ClusterSecrets.TYPE)
                .addToStringData(ClusterSecrets.TLS_CRT_KEY, PemCodec.encodeCertificate(ca.certificate()))
                .addToStringData(ClusterSecrets.TLS_KEY_KEY, PemCodec.encodePrivateKey(ca.privateKey())).build())
                .create();

        // The CA secret's creation wakes the Cluster; well before the 30 s safety requeue.
        Secret secret = await().atMost(Duration.ofSeconds(20)).until(
                () -> plane.client().secrets().inNamespace(ns).withName("c1-kubeconfig").get(), s -> s != null);
        assertThat(secret.getType()).isEqualTo(ClusterSecrets.TYPE);
        assertThat(secret.getMetadata().getLabels()).containsEntry(CoreLabels.ClusterNameLabel, "c1");
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> assertThat(ref.getKind() + "/" + ref.getName()).isEqualTo("Cluster/c1"));
        Config config = Config.fromKubeconfig(new String(
                Base64.getDecoder().decode(secret.getData().get(ClusterSecrets.KUBECONFIG_KEY)), StandardCharsets.UTF_8));
        assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
        X509Certificate client = PemCodec.parseCertificate(new String(
                Base64.getDecoder().decode(config.getClientCertData()), StandardCharsets.US_ASCII));
        client.verify(ca.certificate().getPublicKey());
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=kubernetes-admin,O=system:masters");
    }

    @Test
    void pausedClusterIsLeftAloneUntilUnpaused() {
        String ns = plane.newNamespace("paused");
        plane.create(INFRA, ClusterFixtures.provider(TestProviders.INFRA_CLUSTER, ns, "c1"));
        plane.create(CONTROL_PLANE, ClusterFixtures.provider(TestProviders.CONTROL_PLANE, ns, "c1"));
        ObjectNode paused = ClusterFixtures.cluster(ns, "c1");
        ((ObjectNode) paused.get("spec")).put("paused", true);
        plane.create(CoreKinds.CLUSTER, paused);

        eventually().untilAsserted(() -> assertThat(condition(cluster(ns, "c1"),
                CommonConditions.PausedCondition).isTrue()).isTrue());
        // The pass that reported Paused did nothing else.
        ObjectNode cluster = cluster(ns, "c1");
        assertThat(cluster.at("/status/phase").isMissingNode()).isTrue();
        assertThat(ObjectMeta.ownerReferences(plane.get(INFRA, ns, "c1").orElseThrow())).isEmpty();

        plane.mergePatch(CoreKinds.CLUSTER, ns, "c1", "{\"spec\":{\"paused\":false}}");

        eventually().untilAsserted(() -> {
            ObjectNode unpaused = cluster(ns, "c1");
            assertThat(condition(unpaused, CommonConditions.PausedCondition).isTrue()).isFalse();
            assertThat(unpaused.at("/status/phase").asText()).isEqualTo("Provisioning");
            assertLinkedTo(plane.get(INFRA, ns, "c1").orElseThrow(), unpaused);
        });
    }

    @Test
    void deletionRemovesWorkersThenControlPlaneThenInfrastructure() {
        String ns = plane.newNamespace("delete");
        plane.create(INFRA, held(ClusterFixtures.provider(TestProviders.INFRA_CLUSTER, ns, "c1")));
        plane.create(CONTROL_PLANE, held(ClusterFixtures.provider(TestProviders.CONTROL_PLANE, ns, "c1")));
        ObjectNode cluster = plane.create(CoreKinds.CLUSTER, ClusterFixtures.cluster(ns, "c1"));
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, held(ClusterFixtures.machineDeployment(ns, "md", cluster)));
        plane.create(CoreKinds.MACHINE_SET, held(ClusterFixtures.machineSet(ns, "ms", cluster)));
        plane.create(CoreKinds.MACHINE, held(ClusterFixtures.machine(ns, "worker-1", cluster)));
        plane.create(CoreKinds.MACHINE, held(ClusterFixtures.machine(ns, "worker-2", cluster)));
        List<Workload> workers = List.of(new Workload(CoreKinds.MACHINE_DEPLOYMENT, "md"),
                new Workload(CoreKinds.MACHINE_SET, "ms"), new Workload(CoreKinds.MACHINE, "worker-1"),
                new Workload(CoreKinds.MACHINE, "worker-2"));
        eventually().untilAsserted(() -> assertThat(ObjectMeta.finalizers(cluster(ns, "c1")))
                .contains(CoreFinalizers.ClusterFinalizer));

        plane.delete(CoreKinds.CLUSTER, ns, "c1");

        eventually().untilAsserted(() -> {
            for (Workload worker : workers) {
                assertThat(deleting(worker.kind(), ns, worker.name())).as(worker.name()).isTrue();
            }
            assertThat(condition(cluster(ns, "c1"), ClusterConditions.ClusterDeletingCondition).reason())
                    .isEqualTo(ClusterConditions.ClusterDeletingWaitingForWorkersDeletionReason);
        });
        assertThat(deleting(CONTROL_PLANE, ns, "c1")).isFalse();
        assertThat(deleting(INFRA, ns, "c1")).isFalse();
        assertThat(cluster(ns, "c1").at("/status/phase").asText()).isEqualTo("Deleting");

        workers.forEach(worker -> release(worker.kind(), ns, worker.name()));

        eventually().untilAsserted(() -> assertThat(deleting(CONTROL_PLANE, ns, "c1")).isTrue());
        assertThat(deleting(INFRA, ns, "c1")).isFalse();

        release(CONTROL_PLANE, ns, "c1");

        eventually().untilAsserted(() -> assertThat(deleting(INFRA, ns, "c1")).isTrue());
        assertThat(plane.get(CoreKinds.CLUSTER, ns, "c1")).isPresent();

        release(INFRA, ns, "c1");

        eventually().untilAsserted(() -> assertThat(plane.get(CoreKinds.CLUSTER, ns, "c1")).isEmpty());
    }

    private record Workload(ResourceKind<GenericKubernetesResource> kind, String name) {
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    private static ObjectNode cluster(String ns, String name) {
        return plane.get(CoreKinds.CLUSTER, ns, name).orElseThrow();
    }

    private static Condition condition(JsonNode object, String type) {
        return Condition.find(object.path("status"), type)
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + object.path("status")));
    }

    private static List<String> failureDomains(JsonNode cluster) {
        return cluster.at("/status/failureDomains").findValuesAsText("name");
    }

    private static void assertLinkedTo(JsonNode provider, JsonNode cluster) {
        assertThat(ObjectMeta.labels(provider)).containsEntry(CoreLabels.ClusterNameLabel, ObjectMeta.name(cluster));
        assertThat(ObjectMeta.ownerReferences(provider)).anySatisfy(ref -> {
            assertThat(ref.path("kind").asText()).isEqualTo("Cluster");
            assertThat(ref.path("uid").asText()).isEqualTo(ObjectMeta.uid(cluster));
        });
    }

    /** Whether the object has a deletionTimestamp; a vanished object counts as deleting. */
    private static boolean deleting(ResourceKind<GenericKubernetesResource> kind, String ns, String name) {
        Optional<ObjectNode> object = plane.get(kind, ns, name);
        return object.isEmpty() || ObjectMeta.isDeleting(object.get());
    }

    /** Removes the test finalizer, letting a deleting object go. */
    private static void release(ResourceKind<GenericKubernetesResource> kind, String ns, String name) {
        plane.mergePatch(kind, ns, name, "{\"metadata\":{\"finalizers\":null}}");
    }
}
