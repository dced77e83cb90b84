package io.capj.bootstrap.kubeadm.certs;

import io.capj.api.core.v1beta2.ClusterSecrets;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.bootstrap.kubeadm.cloudinit.CertificateFile;
import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cluster's shared key pairs ({@code <cluster>-{ca,etcd,proxy,sa}}, upstream's {@code util/secret}):
 * looked up, or generated and saved when the caller owns them (no control-plane provider). Secrets a user
 * put there first are used as they are and never get an owner.
 */
public final class ClusterCertificates {
    /** kubeadm's certificates directory. */
    public static final String DEFAULT_CERTIFICATES_DIR = "/etc/kubernetes/pki";
    /** Upstream's CA lifetime when {@code caCertificateValidityPeriodDays} is not set. */
    public static final int DEFAULT_CA_VALIDITY_DAYS = 3650;
    private static final String CA_COMMON_NAME = "kubernetes";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCertificates.class);

    private final Map<CertificatePurpose, ClusterKeyPair> pairs;

    private ClusterCertificates(Map<CertificatePurpose, ClusterKeyPair> pairs) {
        this.pairs = pairs;
    }

    /**
     * Reads the Secrets of {@code purposes}; those missing are generated and saved with {@code owner} when
     * it is not null, otherwise they stay missing (see {@link #missing}).
     */
    public static ClusterCertificates lookupOrGenerate(KubernetesClient client, String namespace, String clusterName,
                                                       Set<CertificatePurpose> purposes, OwnerReference owner,
                                                       int validityDays, Clock clock) {
        Map<CertificatePurpose, ClusterKeyPair> pairs = new EnumMap<>(CertificatePurpose.class);
        List<CertificatePurpose> missing = new ArrayList<>();
        for (CertificatePurpose purpose : purposes) {
            Secret secret = client.secrets().inNamespace(namespace).withName(purpose.secretName(clusterName)).get();
            if (secret != null) {
                pairs.put(purpose, fromSecret(purpose, secret));
            } else if (owner != null) {
                missing.add(purpose);
            }
        }
        // RSA key generation dominates a cluster's first init: search the primes in parallel.
        List<ClusterKeyPair> generated = missing.parallelStream()
                .map(purpose -> generate(purpose, validityDays, clock)).toList();
        for (ClusterKeyPair pair : generated) {
            Secret saved = save(client, namespace, clusterName, pair, owner);
            pairs.put(pair.purpose(), fromSecret(pair.purpose(), saved));
        }
        return new ClusterCertificates(pairs);
    }

    /** The purposes asked for whose Secret does not exist, or lacks a key the caller needs. */
    public List<CertificatePurpose> missing(Set<CertificatePurpose> purposes, boolean keysNeeded) {
        List<CertificatePurpose> missing = new ArrayList<>();
        for (CertificatePurpose purpose : purposes) {
            ClusterKeyPair pair = pairs.get(purpose);
            if (pair == null || pair.certPem().isEmpty() || (keysNeeded && pair.keyPem().isEmpty())) {
                missing.add(purpose);
            }
        }
        return missing;
    }

    /** The pair of {@code purpose}; throws when it was not found. */
    public ClusterKeyPair get(CertificatePurpose purpose) {
        ClusterKeyPair pair = pairs.get(purpose);
        if (pair == null) {
            throw new IllegalStateException("no " + purpose + " key pair");
        }
        return pair;
    }

    /** The files kubeadm reads: each pair's certificate (0640) and, where present, key (0600). */
    public List<CertificateFile> files(String certificatesDir) {
        List<CertificateFile> files = new ArrayList<>();
        for (ClusterKeyPair pair : pairs.values()) {
            files.add(new CertificateFile(certificatesDir + "/" + pair.purpose().certFile(), pair.certPem(), "0640"));
            if (!pair.keyPem().isEmpty()) {
                files.add(new CertificateFile(certificatesDir + "/" + pair.purpose().keyFile(), pair.keyPem(), "0600"));
            }
        }
        return files;
    }

    /**
     * kubeadm's discovery hashes of the cluster CA: {@code sha256:} and the hex SHA-256 of each certificate's
     * SubjectPublicKeyInfo.
     */
    public List<String> caCertHashes() {
        try {
            X509Certificate ca = PemCodec.parseCertificate(get(CertificatePurpose.CLUSTER_CA).certPem());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ca.getPublicKey().getEncoded());
            return List.of("sha256:" + HexFormat.of().formatHex(digest));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot parse the cluster CA certificate: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A new CA (CN {@code kubernetes}) or, for the service account, a bare key pair. */
    static ClusterKeyPair generate(CertificatePurpose purpose, int validityDays, Clock clock) {
        KeyPair keys = CertificateIssuer.newKeyPair();
        if (purpose == CertificatePurpose.SERVICE_ACCOUNT) {
            return new ClusterKeyPair(purpose, PemCodec.encodePublicKey(keys.getPublic()),
                    PemCodec.encodePrivateKey(keys.getPrivate()));
        }
        CertifiedKey ca = CertificateIssuer.selfSignedCa(CA_COMMON_NAME, keys, clock.instant(),
                Duration.ofDays(validityDays));
        return new ClusterKeyPair(purpose, PemCodec.encodeCertificate(ca.certificate()),
                PemCodec.encodePrivateKey(ca.privateKey()));
    }

    /** Creates the Secret; when another writer was first, theirs wins and is returned. */
    private static Secret save(KubernetesClient client, String namespace, String clusterName, ClusterKeyPair pair,
                               OwnerReference owner) {
        Secret secret = new SecretBuilder().withNewMetadata().withName(pair.purpose().secretName(clusterName))
                .withNamespace(namespace).addToLabels(CoreLabels.ClusterNameLabel, clusterName)
                .withOwnerReferences(owner).endMetadata()
                .withType(ClusterSecrets.TYPE)
                .addToData(ClusterSecrets.TLS_CRT_KEY, base64(pair.certPem()))
                .addToData(ClusterSecrets.TLS_KEY_KEY, base64(pair.keyPem()))
                .build();
        try {
            Secret created = client.secrets().inNamespace(namespace).resource(secret).create();
            LOG.info("generated cluster certificate Secret={}/{}", namespace, secret.getMetadata().getName());
            return created;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            return client.secrets().inNamespace(namespace).withName(secret.getMetadata().getName()).get();
        }
    }

    private static ClusterKeyPair fromSecret(CertificatePurpose purpose, Secret secret) {
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        return new ClusterKeyPair(purpose, decode(data.get(ClusterSecrets.TLS_CRT_KEY)),
                decode(data.get(ClusterSecrets.TLS_KEY_KEY)));
    }

    private static String decode(String base64) {
        return base64 == null ? "" : new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
