package io.capj.bootstrap.kubeadm.certs;

import io.capj.api.core.v1beta2.ClusterSecrets;

/**
 * The key pairs a kubeadm control plane shares between its machines: which Secret holds each, and where
 * kubeadm expects its files under the certificates directory.
 */
public enum CertificatePurpose {
    CLUSTER_CA(ClusterSecrets.CLUSTER_CA, "ca.crt", "ca.key"),
    ETCD_CA(ClusterSecrets.ETCD_CA, "etcd/ca.crt", "etcd/ca.key"),
    FRONT_PROXY_CA(ClusterSecrets.FRONT_PROXY_CA, "front-proxy-ca.crt", "front-proxy-ca.key"),
    /** Not a certificate: {@code tls.crt} holds the service-account public key. */
    SERVICE_ACCOUNT(ClusterSecrets.SERVICE_ACCOUNT, "sa.pub", "sa.key");

    private final String secretSuffix;
    private final String certFile;
    private final String keyFile;

    CertificatePurpose(String secretSuffix, String certFile, String keyFile) {
        this.secretSuffix = secretSuffix;
        this.certFile = certFile;
        this.keyFile = keyFile;
    }

    /** {@code <cluster>-<purpose>}. */
    public String secretName(String clusterName) {
        return ClusterSecrets.name(clusterName, secretSuffix);
    }

    /** The certificate (or public key) file, relative to the certificates directory. */
    public String certFile() {
        return certFile;
    }

    /** The private key file, relative to the certificates directory. */
    public String keyFile() {
        return keyFile;
    }
}
