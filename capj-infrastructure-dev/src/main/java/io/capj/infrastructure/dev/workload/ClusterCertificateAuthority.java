package io.capj.infrastructure.dev.workload;

import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Cluster's CA from the Secret {@code <cluster>-ca} (keys {@code tls.crt} and {@code tls.key}, PEM), the
 * secret the kubeadm control plane (or the user) creates and every workload certificate chains to.
 */
public final class ClusterCertificateAuthority {
    public static final String CERTIFICATE_KEY = "tls.crt";
    public static final String PRIVATE_KEY_KEY = "tls.key";

    private ClusterCertificateAuthority() {
    }

    /** The name of the CA Secret of Cluster {@code clusterName}. */
    public static String secretName(String clusterName) {
        return clusterName + "-ca";
    }

    /**
     * The CA of Cluster {@code namespace/clusterName}, read from the API server; empty while the Secret or one
     * of its keys is missing.
     *
     * @throws IllegalStateException when the Secret holds something that is not a certificate and its key
     */
    public static Optional<CertifiedKey> read(KubernetesClient management, String namespace, String clusterName) {
        Secret secret = management.secrets().inNamespace(namespace).withName(secretName(clusterName)).get();
        if (secret == null || secret.getData() == null) {
            return Optional.empty();
        }
        Map<String, String> data = secret.getData();
        if (!data.containsKey(CERTIFICATE_KEY) || !data.containsKey(PRIVATE_KEY_KEY)) {
            return Optional.empty();
        }
        try {
            CertifiedKey ca = new CertifiedKey(PemCodec.parseCertificate(decode(data.get(CERTIFICATE_KEY))),
                    PemCodec.parsePrivateKey(decode(data.get(PRIVATE_KEY_KEY))));
            if (!ca.keysMatch()) {
                throw new IllegalStateException("the key does not belong to the certificate");
            }
            return Optional.of(ca);
        } catch (Exception e) {
            throw new IllegalStateException("failed to read the CA of Cluster " + namespace + "/" + clusterName
                    + " from Secret " + secretName(clusterName) + ": " + e.getMessage(), e);
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
