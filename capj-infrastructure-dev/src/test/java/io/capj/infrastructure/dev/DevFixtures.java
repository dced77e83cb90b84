package io.capj.infrastructure.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.infrastructure.dev.v1beta2.DevInfrastructureCrds;
import io.capj.apimachinery.Json;
import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Objects for the Dev provider stories: a Cluster on an inMemory DevCluster, Machines on inMemory DevMachines
 * with short startup durations and test bootstrap configs, and the secrets a control plane provider would
 * write (the cluster CA, and the admin kubeconfig when core has not written one).
 */
final class DevFixtures {
    static final String VERSION = "v1.33.0";
    static final Duration VALIDITY = Duration.ofDays(30);

    private DevFixtures() {
    }

    /**
     * A Cluster {@code name} whose infrastructure is DevCluster {@code name} with the given backend, and whose
     * control plane is TestControlPlane {@code name}: the test plays the control plane provider (the kubeadm
     * one does not exist yet) and marks it initialized with {@link #controlPlaneInitialized}.
     */
    static void cluster(CorePlane plane, String namespace, String name, String backend) {
        ObjectNode devCluster = devObject("DevCluster", namespace, name);
        devCluster.putObject("spec").putObject("backend").putObject(backend);
        plane.create(DevKinds.DEV_CLUSTER, devCluster);
        ObjectNode controlPlane = Json.object().put("apiVersion", TestProviders.apiVersion(TestProviders.CONTROL_PLANE))
                .put("kind", TestProviders.CONTROL_PLANE);
        controlPlane.putObject("metadata").put("name", name).put("namespace", namespace);
        plane.create(TestProviders.kind(TestProviders.CONTROL_PLANE), controlPlane);
        ObjectNode cluster = coreObject("Cluster", namespace, name);
        ObjectNode spec = cluster.putObject("spec");
        spec.set("infrastructureRef", ref(DevInfrastructureCrds.GROUP, "DevCluster", name));
        spec.set("controlPlaneRef", ref(TestProviders.CONTROL_PLANE_GROUP, TestProviders.CONTROL_PLANE, name));
        plane.create(CoreKinds.CLUSTER, cluster);
    }

    /** Marks TestControlPlane {@code name} initialized, as KubeadmControlPlane does once its first API server is up. */
    static void controlPlaneInitialized(CorePlane plane, String namespace, String name) {
        plane.mergePatchStatus(TestProviders.kind(TestProviders.CONTROL_PLANE), namespace, name,
                "{\"status\":{\"initialization\":{\"controlPlaneInitialized\":true}}}");
    }

    /**
     * A Machine {@code name} of {@code cluster} with DevMachine and TestBootstrapConfig {@code name} (bootstrap
     * data ready at once), optionally a control plane Machine and with annotations on the DevMachine.
     */
    static void machine(CorePlane plane, String namespace, String cluster, String name, boolean controlPlane,
            Map<String, String> devMachineAnnotations) {
        ObjectNode bootstrap = Json.object().put("apiVersion", TestProviders.apiVersion(TestProviders.BOOTSTRAP_CONFIG))
                .put("kind", TestProviders.BOOTSTRAP_CONFIG);
        bootstrap.putObject("metadata").put("name", name).put("namespace", namespace);
        plane.create(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG), bootstrap);
        plane.bootstrapReady(namespace, name);

        ObjectNode devMachine = devObject("DevMachine", namespace, name);
        devMachineAnnotations.forEach((k, v) -> devMachine.withObject("metadata").withObject("annotations").put(k, v));
        ObjectNode inMemory = devMachine.putObject("spec").putObject("backend").putObject("inMemory");
        provisioning(inMemory, "vm", "1s");
        provisioning(inMemory, "node", "500ms");
        provisioning(inMemory, "etcd", "500ms");
        provisioning(inMemory, "apiServer", "500ms");
        plane.create(DevKinds.DEV_MACHINE, devMachine);

        ObjectNode machine = coreObject("Machine", namespace, name);
        if (controlPlane) {
            machine.withObject("metadata").withObject("labels").put(CoreLabels.MachineControlPlaneLabel, "");
        }
        ObjectNode spec = machine.putObject("spec").put("clusterName", cluster).put("version", VERSION);
        spec.putObject("bootstrap").set("configRef",
                ref(TestProviders.BOOTSTRAP_GROUP, TestProviders.BOOTSTRAP_CONFIG, name));
        spec.set("infrastructureRef", ref(DevInfrastructureCrds.GROUP, "DevMachine", name));
        plane.create(CoreKinds.MACHINE, machine);
    }

    /** Creates the {@code <cluster>-ca} Secret with a new self-signed CA (CN kubernetes). */
    static CertifiedKey clusterCa(CorePlane plane, String namespace, String cluster) {
        CertifiedKey ca = CertificateIssuer.selfSignedCa("kubernetes", CertificateIssuer.newKeyPair(), Instant.now(),
                VALIDITY);
        plane.client().secrets().inNamespace(namespace).resource(secret(namespace, cluster + "-ca", cluster,
                Map.of("tls.crt", PemCodec.encodeCertificate(ca.certificate()),
                        "tls.key", PemCodec.encodePrivateKey(ca.privateKey())))).create();
        return ca;
    }

    /**
     * Creates {@code <cluster>-kubeconfig} (cluster-admin client certificate signed by {@code ca}, server
     * {@code https://127.0.0.1:port}) unless something (core's Cluster controller) already wrote it.
     */
    static void kubeconfigIfAbsent(CorePlane plane, String namespace, String cluster, CertifiedKey ca, int port) {
        String name = cluster + "-kubeconfig";
        if (plane.client().secrets().inNamespace(namespace).withName(name).get() != null) {
            return;
        }
        CertifiedKey admin = new CertificateIssuer(ca).issueClient("kubernetes-admin", List.of("system:masters"),
                CertificateIssuer.newKeyPair(), Instant.now(), VALIDITY);
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: https://127.0.0.1:%2$d
                    certificate-authority-data: %3$s
                users:
                - name: %1$s-admin
                  user:
                    client-certificate-data: %4$s
                    client-key-data: %5$s
                contexts:
                - name: %1$s-admin@%1$s
                  context:
                    cluster: %1$s
                    user: %1$s-admin
                current-context: %1$s-admin@%1$s
                """.formatted(cluster, port, base64(PemCodec.encodeCertificate(ca.certificate())),
                base64(PemCodec.encodeCertificate(admin.certificate())), base64(PemCodec.encodePrivateKey(admin.privateKey())));
        plane.client().secrets().inNamespace(namespace).resource(secret(namespace, name, cluster,
                Map.of("value", kubeconfig))).create();
    }

    /** A client of the workload cluster built from the {@code <cluster>-kubeconfig} Secret, as a user would. */
    static KubernetesClient workloadClient(CorePlane plane, String namespace, String cluster) {
        Secret secret = plane.client().secrets().inNamespace(namespace).withName(cluster + "-kubeconfig").get();
        String kubeconfig = new String(Base64.getDecoder().decode(secret.getData().get("value")), StandardCharsets.UTF_8);
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    static ObjectNode ref(String group, String kind, String name) {
        return Json.object().put("apiGroup", group).put("kind", kind).put("name", name);
    }

    private static void provisioning(ObjectNode inMemory, String step, String duration) {
        inMemory.putObject(step).putObject("provisioning").put("startupDuration", duration).put("startupJitter", "0.2");
    }

    private static Secret secret(String namespace, String name, String cluster, Map<String, String> data) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(CoreLabels.ClusterNameLabel, cluster).endMetadata().withType("cluster.x-k8s.io/secret")
                .withStringData(data).build();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode devObject(String kind, String namespace, String name) {
        ObjectNode object = Json.object().put("apiVersion", DevInfrastructureCrds.GROUP + "/"
                + DevInfrastructureCrds.VERSION).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }

    private static ObjectNode coreObject(String kind, String namespace, String name) {
        ObjectNode object = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }
}
