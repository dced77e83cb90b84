package io.capj.api.core.v1beta2;

/**
 * The Secrets that hold a Cluster's credentials, named {@code <cluster>-<purpose>} as upstream's
 * {@code util/secret} does, of type {@value #TYPE} and labelled with the cluster name.
 */
public final class ClusterSecrets {
    /** The Secret type Cluster API gives the secrets it makes (and reads from the cache). */
    public static final String TYPE = "cluster.x-k8s.io/secret";
    /** Purpose of the admin kubeconfig; its data key is {@link #KUBECONFIG_KEY}. */
    public static final String KUBECONFIG = "kubeconfig";
    /** Purpose of the cluster CA (kubernetes' {@code ca.crt}/{@code ca.key}). */
    public static final String CLUSTER_CA = "ca";
    /** Purpose of the etcd CA. */
    public static final String ETCD_CA = "etcd";
    /** Purpose of the front-proxy CA. */
    public static final String FRONT_PROXY_CA = "proxy";
    /** Purpose of the service-account signing key pair ({@code tls.crt} holds the public key). */
    public static final String SERVICE_ACCOUNT = "sa";
    /** Data key of a certificate (or the service-account public key), PEM. */
    public static final String TLS_CRT_KEY = "tls.crt";
    /** Data key of a private key, PEM. */
    public static final String TLS_KEY_KEY = "tls.key";
    /** Data key of the kubeconfig. */
    public static final String KUBECONFIG_KEY = "value";

    private ClusterSecrets() {
    }

    /** {@code <cluster>-<purpose>}. */
    public static String name(String clusterName, String purpose) {
        return clusterName + "-" + purpose;
    }
}
