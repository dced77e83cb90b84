package io.capj.bootstrap.kubeadm;

import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigCertificatesAvailableCondition;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigCertificatesAvailableReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigDataSecretAvailableCondition;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigDataSecretAvailableReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigDataSecretNotAvailableReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.api.core.v1beta2.ClusterSecrets;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.ObjectMeta;
import io.capj.bootstrap.kubeadm.certs.CertificatePurpose;
import io.capj.bootstrap.kubeadm.certs.ClusterCertificates;
import io.capj.bootstrap.kubeadm.cloudinit.BootstrapInput;
import io.capj.bootstrap.kubeadm.cloudinit.BootstrapRenderException;
import io.capj.bootstrap.kubeadm.cloudinit.CertificateFile;
import io.capj.bootstrap.kubeadm.cloudinit.CloudConfig;
import io.capj.bootstrap.kubeadm.cloudinit.ClusterFacts;
import io.capj.bootstrap.kubeadm.cloudinit.NodeRole;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates and stores one Machine's bootstrap data: finds (or, for init without a control-plane provider,
 * generates) the cluster certificates, completes join discovery, renders the cloud-config and writes the
 * Secret named after the KubeadmConfig with keys {@code value} and {@code format}.
 */
final class BootstrapDataWriter {
    /** Completes join discovery; returns a wait when it cannot yet. */
    @FunctionalInterface
    interface Discovery {
        Result complete(KubeadmConfigScope scope, ClusterCertificates certificates);
    }

    static final String FORMAT_CLOUD_CONFIG = "cloud-config";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapDataWriter.class);

    private final Manager manager;
    private final InitLock lock;
    private final SecretSources sources;
    private final ExternalObjects externals;
    private final Clock clock;

    BootstrapDataWriter(Manager manager, InitLock lock, Clock clock) {
        this.manager = manager;
        this.lock = lock;
        this.sources = new SecretSources(manager.client());
        this.externals = new ExternalObjects(manager);
        this.clock = clock;
    }

    void releaseInitLock(KubeadmConfigScope scope) {
        lock.releaseAfterInitialization(scope.cluster);
    }

    /** {@code kubeadm init} data under the init lock; false when another Machine holds the lock. */
    boolean initControlPlane(KubeadmConfigScope scope) throws Exception {
        if (!lock.lock(scope.cluster, scope.owner.name())) {
            return false;
        }
        try {
            Set<CertificatePurpose> purposes = controlPlanePurposes(scope);
            boolean providerOwnsCertificates = scope.clusterView().spec().controlPlaneRef().isPresent();
            ClusterCertificates certificates = ClusterCertificates.lookupOrGenerate(manager.client(), scope.namespace(),
                    scope.clusterName(), purposes, providerOwnsCertificates ? null : ownerReference(scope),
                    validityDays(scope), clock);
            requireCertificates(scope, certificates, purposes, true);
            ObjectNode clusterConfiguration = scope.spec().withObject("/clusterConfiguration");
            if (clusterConfiguration.path("controlPlaneEndpoint").asText().isEmpty()) {
                scope.clusterView().spec().controlPlaneEndpoint().filter(ClusterView.Endpoint::isValid)
                        .ifPresent(e -> clusterConfiguration.put("controlPlaneEndpoint", e.hostPort()));
            }
            LOG.info("creating bootstrap data for the first control plane KubeadmConfig={}/{} Machine={}",
                    scope.namespace(), scope.name(), scope.owner.name());
            store(scope, render(scope, NodeRole.INIT, scope.spec().deepCopy(),
                    certificates.files(certificatesDir(scope))));
            return true;
        } catch (Exception e) {
            lock.unlock(scope.cluster);
            throw e;
        }
    }

    /** {@code kubeadm join} with a control-plane section and the shared certificates. */
    Result joinControlPlane(KubeadmConfigScope scope, Discovery discovery) throws Exception {
        scope.spec().withObject("/joinConfiguration").withObject("/controlPlane");
        Set<CertificatePurpose> purposes = controlPlanePurposes(scope);
        ClusterCertificates certificates = ClusterCertificates.lookupOrGenerate(manager.client(), scope.namespace(),
                scope.clusterName(), purposes, null, 0, clock);
        requireCertificates(scope, certificates, purposes, true);
        Result wait = discovery.complete(scope, certificates);
        if (!wait.isDone()) {
            return wait;
        }
        LOG.info("creating bootstrap data for a joining control plane KubeadmConfig={}/{}", scope.namespace(),
                scope.name());
        store(scope, render(scope, NodeRole.JOIN_CONTROL_PLANE, scope.spec().deepCopy(),
                certificates.files(certificatesDir(scope))));
        return Result.done();
    }

    /** {@code kubeadm join} of a worker (tainted uninitialized until core has synced its labels). */
    Result joinWorker(KubeadmConfigScope scope, Discovery discovery) throws Exception {
        Set<CertificatePurpose> purposes = EnumSet.of(CertificatePurpose.CLUSTER_CA);
        ClusterCertificates certificates = ClusterCertificates.lookupOrGenerate(manager.client(), scope.namespace(),
                scope.clusterName(), purposes, null, 0, clock);
        requireCertificates(scope, certificates, purposes, false);
        Result wait = discovery.complete(scope, certificates);
        if (!wait.isDone()) {
            return wait;
        }
        // The renderer adds the uninitialized taint and refuses a worker with a controlPlane section.
        LOG.info("creating bootstrap data for a worker KubeadmConfig={}/{}", scope.namespace(), scope.name());
        store(scope, render(scope, NodeRole.JOIN_WORKER, scope.spec().deepCopy(), List.of()));
        return Result.done();
    }

    private String render(KubeadmConfigScope scope, NodeRole role, ObjectNode spec, List<CertificateFile> files) {
        try {
            sources.resolve(spec, scope.namespace());
            String version = scope.owner.kubernetesVersion().orElseThrow(() -> new IllegalStateException(
                    "Machine " + scope.owner.name() + " has no spec.version; kubeadm needs the Kubernetes version"));
            return CloudConfig.render(new BootstrapInput(role, spec, facts(scope, version), files,
                    controlPlaneVersion(scope)));
        } catch (BootstrapRenderException | IllegalStateException e) {
            scope.set(KubeadmConfigDataSecretAvailableCondition, Conditions.FALSE,
                    KubeadmConfigDataSecretNotAvailableReason, e.getMessage());
            throw e;
        }
    }

    private void store(KubeadmConfigScope scope, String value) {
        String format = scope.spec().path("format").asText(FORMAT_CLOUD_CONFIG);
        Secret secret = new SecretBuilder().withNewMetadata().withName(scope.name()).withNamespace(scope.namespace())
                .addToLabels(CoreLabels.ClusterNameLabel, scope.clusterName())
                .withOwnerReferences(ownerReference(scope)).endMetadata()
                .withType(ClusterSecrets.TYPE)
                .addToData("value", base64(value))
                .addToData("format", base64(format.isEmpty() ? FORMAT_CLOUD_CONFIG : format))
                .build();
        try {
            manager.client().secrets().inNamespace(scope.namespace()).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            LOG.info("bootstrap data secret already exists, updating Secret={}/{}", scope.namespace(), scope.name());
            manager.client().secrets().inNamespace(scope.namespace()).withName(scope.name())
                    .edit(existing -> new SecretBuilder(existing).withData(secret.getData()).build());
        }
        scope.status().put("dataSecretName", scope.name());
        scope.status().withObject("/initialization").put("dataSecretCreated", true);
        scope.set(KubeadmConfigDataSecretAvailableCondition, Conditions.TRUE, KubeadmConfigDataSecretAvailableReason, "");
    }

    private static void requireCertificates(KubeadmConfigScope scope, ClusterCertificates certificates,
                                            Set<CertificatePurpose> purposes, boolean keysNeeded) {
        List<CertificatePurpose> missing = certificates.missing(purposes, keysNeeded);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(p -> p.secretName(scope.clusterName())).collect(Collectors.joining(", "));
            KubeadmConfigReconciler.certificatesFailed(scope, "Cluster certificate Secrets not found or incomplete: "
                    + names);
            throw new IllegalStateException("cluster certificates missing or incomplete: " + names);
        }
        scope.set(KubeadmConfigCertificatesAvailableCondition, Conditions.TRUE, KubeadmConfigCertificatesAvailableReason,
                "");
    }

    /** All four shared pairs, without the etcd CA when etcd is external (its CA comes from the user's files). */
    private static Set<CertificatePurpose> controlPlanePurposes(KubeadmConfigScope scope) {
        Set<CertificatePurpose> purposes = EnumSet.allOf(CertificatePurpose.class);
        if (scope.spec().at("/clusterConfiguration/etcd").has("external")) {
            purposes.remove(CertificatePurpose.ETCD_CA);
        }
        return purposes;
    }

    private static String certificatesDir(KubeadmConfigScope scope) {
        String dir = scope.spec().at("/clusterConfiguration/certificatesDir").asText();
        return dir.isEmpty() ? ClusterCertificates.DEFAULT_CERTIFICATES_DIR : dir;
    }

    private static int validityDays(KubeadmConfigScope scope) {
        int days = scope.spec().at("/clusterConfiguration/caCertificateValidityPeriodDays").asInt(0);
        return days > 0 ? days : ClusterCertificates.DEFAULT_CA_VALIDITY_DAYS;
    }

    private static ClusterFacts facts(KubeadmConfigScope scope, String version) {
        JsonNode network = scope.cluster.at("/spec/clusterNetwork");
        String endpoint = scope.clusterView().spec().controlPlaneEndpoint().filter(ClusterView.Endpoint::isValid)
                .map(ClusterView.Endpoint::hostPort).orElse("");
        return new ClusterFacts(scope.clusterName(), endpoint, version, blankToNull(network.path("serviceDomain").asText()),
                cidrs(network.at("/pods/cidrBlocks")), cidrs(network.at("/services/cidrBlocks")));
    }

    /** The control plane object's {@code spec.version} for file templates, {@code v}-prefixed; null without one. */
    private String controlPlaneVersion(KubeadmConfigScope scope) {
        return scope.clusterView().spec().controlPlaneRef()
                .flatMap(ref -> externals.get(externals.kindOf(ref), scope.namespace(), ref.name()))
                .map(cp -> cp.at("/spec/version").asText())
                .filter(v -> !v.isEmpty())
                .map(v -> v.startsWith("v") ? v : "v" + v)
                .orElse(null);
    }

    private static OwnerReference ownerReference(KubeadmConfigScope scope) {
        return new OwnerReferenceBuilder().withApiVersion(BootstrapGroup.API_VERSION).withKind("KubeadmConfig")
                .withName(scope.name()).withUid(ObjectMeta.uid(scope.config)).withController(true).build();
    }

    private static String cidrs(JsonNode blocks) {
        if (!blocks.isArray() || blocks.isEmpty()) {
            return null;
        }
        return StreamSupport.stream(blocks.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","));
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
