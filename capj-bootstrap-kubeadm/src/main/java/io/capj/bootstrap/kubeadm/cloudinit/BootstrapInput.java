package io.capj.bootstrap.kubeadm.cloudinit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What one machine's bootstrap data is rendered from.
 *
 * @param role                what the machine does with kubeadm
 * @param spec                the KubeadmConfig {@code spec} as the controller completed it: join discovery
 *                            (token, API server endpoint, CA hashes) filled in, and every file's
 *                            {@code contentFrom} already resolved into inline {@code content}
 * @param cluster             the values kubeadm's documents take from the Cluster and Machine
 * @param certificates        files written under {@code /etc/kubernetes/pki} (init and control-plane join)
 * @param controlPlaneVersion {@code .controlPlane.version} for files with {@code contentFormat: Template}; may be null
 */
public record BootstrapInput(NodeRole role, ObjectNode spec, ClusterFacts cluster,
                             List<CertificateFile> certificates, String controlPlaneVersion) {
    public BootstrapInput {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(cluster, "cluster");
        certificates = List.copyOf(certificates);
    }
}
