package io.capj.bootstrap.kubeadm.certs;

import java.util.Objects;

/**
 * One shared key pair as its Secret holds it.
 *
 * @param purpose what it is for
 * @param certPem the certificate, or the public key for {@link CertificatePurpose#SERVICE_ACCOUNT}
 * @param keyPem  the private key; empty when the Secret carries only the certificate
 */
public record ClusterKeyPair(CertificatePurpose purpose, String certPem, String keyPem) {
    public ClusterKeyPair {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(certPem, "certPem");
        keyPem = keyPem == null ? "" : keyPem;
    }
}
