package io.capj.bootstrap.kubeadm.cloudinit;

/**
 * The kubeadm configuration API a Kubernetes version reads: {@code kubeadm.k8s.io/v1beta3} from v1.22 and
 * {@code kubeadm.k8s.io/v1beta4} from v1.31 (pre-releases count as their release). Older versions are refused.
 */
enum KubeadmApiVersion {
    V1BETA3("kubeadm.k8s.io/v1beta3"),
    V1BETA4("kubeadm.k8s.io/v1beta4");

    private final String apiVersion;

    KubeadmApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** The documents' {@code apiVersion}. */
    String apiVersion() {
        return apiVersion;
    }

    static KubeadmApiVersion forKubernetesVersion(String kubernetesVersion) {
        SemanticVersion version = SemanticVersion.parseTolerant(kubernetesVersion);
        if (version == null) {
            throw new BootstrapRenderException("failed to parse kubernetes version \"" + kubernetesVersion + "\"");
        }
        if (version.compareCore(1, 22, 0) < 0) {
            throw new BootstrapRenderException("the bootstrap provider for kubeadm doesn't support Kubernetes "
                    + "version lower than v1.22.0 (got " + kubernetesVersion + ")");
        }
        return version.compareCore(1, 31, 0) < 0 ? V1BETA3 : V1BETA4;
    }
}
