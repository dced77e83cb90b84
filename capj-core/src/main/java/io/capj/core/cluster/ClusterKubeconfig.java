package io.capj.core.cluster;

import io.capj.api.core.v1beta2.ClusterSecrets;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.capj.core.CoreKinds;
import io.capj.runtime.Cache;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code reconcileKubeconfig}: without a control plane provider (which owns the kubeconfig
 * otherwise), once the endpoint is set and the cluster CA Secret exists, write {@code <cluster>-kubeconfig}
 * with an admin client certificate. An existing Secret is left alone. Changes of the CA Secret wake the
 * Cluster up (see {@link #clusterOf}); the requeue is only a safety net.
 */
final class ClusterKubeconfig {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterKubeconfig.class);
    private static final Duration WAIT_FOR_CA = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final Cache cache;
    private final Clock clock;

    ClusterKubeconfig(KubernetesClient client, Cache cache, Clock clock) {
        this.client = client;
        this.cache = cache;
        this.clock = clock;
    }

    Result reconcile(ClusterScope scope) throws CertificateException, IOException {
        Optional<ClusterView.Endpoint> endpoint = scope.view().spec().controlPlaneEndpoint()
                .filter(ClusterView.Endpoint::isValid);
        if (endpoint.isEmpty() || scope.view().spec().controlPlaneRef().isPresent()) {
            return Result.done();
        }
        String name = ClusterSecrets.name(scope.name(), ClusterSecrets.KUBECONFIG);
        if (cache.get(CoreKinds.SECRET, scope.namespace(), name).isPresent()) {
            return Result.done();
        }
        Optional<Secret> ca = cache.get(CoreKinds.SECRET, scope.namespace(),
                ClusterSecrets.name(scope.name(), ClusterSecrets.CLUSTER_CA));
        if (ca.isEmpty()) {
            LOG.debug("waiting for the cluster CA secret to write the kubeconfig Cluster={}", scope.key());
            return Result.requeueAfter(WAIT_FOR_CA);
        }
        String kubeconfig = AdminKubeconfig.render(scope.name(), endpoint.get().hostPort(), certifiedKey(ca.get()),
                clock.instant());
        Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(scope.namespace())
                .withLabels(Map.of(CoreLabels.ClusterNameLabel, scope.name()))
                .addNewOwnerReference().withApiVersion(CoreGroup.API_VERSION).withKind(ClusterOwnership.CLUSTER_KIND)
                .withName(scope.name()).withUid(scope.cluster.path("metadata").path("uid").asText())
                .withController(true).endOwnerReference()
                .endMetadata()
                .withType(ClusterSecrets.TYPE)
                .withData(Map.of(ClusterSecrets.KUBECONFIG_KEY, base64(kubeconfig)))
                .build();
        try {
            client.secrets().inNamespace(scope.namespace()).resource(secret).create();
            LOG.info("created kubeconfig Secret={}/{}", scope.namespace(), name);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        return Result.done();
    }

    /** The Cluster to wake when its CA or kubeconfig Secret changes. */
    static List<Request> clusterOf(Secret secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        String cluster = labels == null ? null : labels.get(CoreLabels.ClusterNameLabel);
        if (cluster == null) {
            return List.of();
        }
        String name = secret.getMetadata().getName();
        boolean credentials = name.equals(ClusterSecrets.name(cluster, ClusterSecrets.CLUSTER_CA))
                || name.equals(ClusterSecrets.name(cluster, ClusterSecrets.KUBECONFIG));
        return credentials ? List.of(new Request(secret.getMetadata().getNamespace(), cluster)) : List.of();
    }

    private static CertifiedKey certifiedKey(Secret ca) throws CertificateException, IOException {
        return new CertifiedKey(PemCodec.parseCertificate(decoded(ca, ClusterSecrets.TLS_CRT_KEY)),
                PemCodec.parsePrivateKey(decoded(ca, ClusterSecrets.TLS_KEY_KEY)));
    }

    private static String decoded(Secret secret, String key) {
        String value = secret.getData() == null ? null : secret.getData().get(key);
        if (value == null) {
            throw new IllegalStateException("Secret " + secret.getMetadata().getNamespace() + "/"
                    + secret.getMetadata().getName() + " has no '" + key + "' key");
        }
        return new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
