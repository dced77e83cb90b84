package io.capj.api.controlplane.kubeadm.v1beta2;

/** The {@code controlplane.cluster.x-k8s.io} API group as served by capj: name, version and contract labels. */
public final class ControlPlaneGroup {
    /** The API group. */
    public static final String NAME = "controlplane.cluster.x-k8s.io";
    /** The only served (and stored) version. */
    public static final String VERSION = "v1beta2";
    /** {@code NAME/VERSION}. */
    public static final String API_VERSION = NAME + "/" + VERSION;
    /** {@code kubectl get cluster-api} lists every kind in this category. */
    public static final String CATEGORY = "cluster-api";
    /** Contract label naming the version that implements the v1beta2 contract. */
    public static final String CONTRACT_V1BETA2_LABEL = "cluster.x-k8s.io/v1beta2";
    /**
     * Contract label for the v1beta1 contract; upstream keeps it so that ClusterClasses written against
     * v1beta1 still resolve the contract of this group.
     */
    public static final String CONTRACT_V1BETA1_LABEL = "cluster.x-k8s.io/v1beta1";

    private ControlPlaneGroup() {
    }
}
