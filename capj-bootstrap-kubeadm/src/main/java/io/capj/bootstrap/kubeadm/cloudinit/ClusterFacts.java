package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.Objects;

/**
 * The values kubeadm's ClusterConfiguration takes from the Cluster and the Machine rather than from the
 * KubeadmConfig (upstream's "additional data").
 *
 * @param clusterName          the Cluster's name
 * @param controlPlaneEndpoint {@code host:port} of the Cluster's control plane endpoint
 * @param kubernetesVersion    the Machine's version, e.g. {@code v1.33.0}; decides the kubeadm API version
 * @param dnsDomain            {@code clusterNetwork.serviceDomain}; may be null
 * @param podSubnet            {@code clusterNetwork.pods.cidrBlocks} joined with commas; may be null
 * @param serviceSubnet        {@code clusterNetwork.services.cidrBlocks} joined with commas; may be null
 */
public record ClusterFacts(String clusterName, String controlPlaneEndpoint, String kubernetesVersion,
                           String dnsDomain, String podSubnet, String serviceSubnet) {
    public ClusterFacts {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(controlPlaneEndpoint, "controlPlaneEndpoint");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    }
}
