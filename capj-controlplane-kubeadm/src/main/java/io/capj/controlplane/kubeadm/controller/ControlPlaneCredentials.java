package io.capj.controlplane.kubeadm.controller;

import io.capj.api.core.v1beta2.ClusterSecrets;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.bootstrap.kubeadm.certs.CertificatePurpose;
import io.capj.bootstrap.kubeadm.certs.ClusterCertificates;
import io.capj.bootstrap.kubeadm.certs.ClusterKeyPair;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.capj.core.cluster.AdminKubeconfig;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cluster's shared certificates and admin kubeconfig as KCP owns them (upstream {@code reconcileClusterCertificates}
 * and {@code reconcileKubeconfig}): missing CA Secrets are generated with the KCP as controller owner (Secrets a
 * user created are used as they are); {@code <cluster>-kubeconfig} is created with the KCP as controller owner,
 * and regenerated once its client certificate is in the second half of its life, if the KCP owns it.
 */
final class ControlPlaneCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneCredentials.class);
    static final Set<CertificatePurpose> PURPOSES = EnumSet.allOf(CertificatePurpose.class);

    private final KubernetesClient client;
    private final Clock clock;

    ControlPlaneCredentials(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Looks up or generates the certificates; returns the purposes still missing (empty: all available). */
    List<CertificatePurpose> reconcileCertificates(String namespace, String clusterName, OwnerReference kcpOwner,
            int validityDays) {
        ClusterCertificates certificates = ClusterCertificates.lookupOrGenerate(client, namespace, clusterName,
                PURPOSES, kcpOwner, validityDays, clock);
        return certificates.missing(PURPOSES, true);
    }

    /** Creates or rotates {@code <cluster>-kubeconfig} for {@code https://hostPort}. */
    void reconcileKubeconfig(String namespace, String clusterName, String hostPort, OwnerReference kcpOwner)
            throws Exception {
        String name = ClusterSecrets.name(clusterName, ClusterSecrets.KUBECONFIG);
        Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
        if (existing != null) {
            boolean ownedByKcp = existing.getMetadata().getOwnerReferences() != null && existing.getMetadata()
                    .getOwnerReferences().stream().anyMatch(r -> kcpOwner.getUid().equals(r.getUid()));
            if (!ownedByKcp || !needsRotation(existing, clock.instant())) {
                return;
            }
        }
        ClusterCertificates certificates = ClusterCertificates.lookupOrGenerate(client, namespace, clusterName,
                EnumSet.of(CertificatePurpose.CLUSTER_CA), null, 0, clock);
        ClusterKeyPair ca = certificates.get(CertificatePurpose.CLUSTER_CA);
        CertifiedKey caKey = new CertifiedKey(PemCodec.parseCertificate(ca.certPem()), PemCodec.parsePrivateKey(ca.keyPem()));
        String kubeconfig = AdminKubeconfig.render(clusterName, hostPort, caKey, clock.instant());
        Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of(CoreLabels.ClusterNameLabel, clusterName))
                .withOwnerReferences(kcpOwner).endMetadata()
                .withType(ClusterSecrets.TYPE)
                .withData(Map.of(ClusterSecrets.KUBECONFIG_KEY, Base64.getEncoder()
                        .encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))))
                .build();
        if (existing == null) {
            try {
                client.secrets().inNamespace(namespace).resource(secret).create();
                LOG.info("created kubeconfig Secret={}/{}", namespace, name);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        } else {
            client.secrets().inNamespace(namespace).withName(name)
                    .edit(s -> new SecretBuilder(s).withData(secret.getData()).build());
            LOG.info("rotated the client certificate of kubeconfig Secret={}/{}", namespace, name);
        }
    }

    /** Whether the kubeconfig's client certificate is past half of its validity (or unreadable). */
    static boolean needsRotation(Secret kubeconfigSecret, Instant now) {
        Optional<X509Certificate> cert = clientCertificate(kubeconfigSecret);
        if (cert.isEmpty()) {
            return true;
        }
        Instant notBefore = cert.get().getNotBefore().toInstant();
        Instant notAfter = cert.get().getNotAfter().toInstant();
        Instant half = notBefore.plus(Duration.between(notBefore, notAfter).dividedBy(2));
        return now.isAfter(half);
    }

    private static Optional<X509Certificate> clientCertificate(Secret secret) {
        String value = secret.getData() == null ? null : secret.getData().get(ClusterSecrets.KUBECONFIG_KEY);
        if (value == null) {
            return Optional.empty();
        }
        String kubeconfig = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        for (String line : kubeconfig.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("client-certificate-data:")) {
                String pem = new String(Base64.getDecoder().decode(trimmed.substring("client-certificate-data:".length())
                        .trim()), StandardCharsets.US_ASCII);
                try {
                    return Optional.of(PemCodec.parseCertificate(pem));
                } catch (Exception e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
