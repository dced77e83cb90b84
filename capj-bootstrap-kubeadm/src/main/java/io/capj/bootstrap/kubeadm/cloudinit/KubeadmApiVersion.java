package io.capj.bootstrap.kubeadm.cloudinit;

import io.capj.api.versions.TolerantVersion;
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

    private static final TolerantVersion V1_22 = new TolerantVersion(1, 22, 0, null, null);
    private static final TolerantVersion V1_31 = new TolerantVersion(1, 31, 0, null, null);

    static KubeadmApiVersion forKubernetesVersion(String kubernetesVersion) {
        TolerantVersion version = TolerantVersion.parse(kubernetesVersion).orElseThrow(() ->
                new BootstrapRenderException("failed to parse kubernetes version \"" + kubernetesVersion + "\""));
        if (version.compareIgnoringPreRelease(V1_22) < 0) {
            throw new BootstrapRenderException("the bootstrap provider for kubeadm doesn't support Kubernetes "
                    + "version lower than v1.22.0 (got " + kubernetesVersion + ")");
        }
        return version.compareIgnoringPreRelease(V1_31) < 0 ? V1BETA3 : V1BETA4;
    }
}
