package io.capj.infrastructure.dev.machine;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.certs.CertifiedKey;
import io.capj.core.Trees;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.workload.ClusterCertificateAuthority;
import io.capj.infrastructure.dev.workload.WorkloadServer;
import io.capj.infrastructure.dev.workload.WorkloadServers;
import io.capj.runtime.Cache;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Reaches the workload cluster of a machine: its running server, started on the DevCluster's endpoint port
 * the first time a machine needs it (or after a process restart), with the cluster CA read from the
 * management cluster.
 */
final class WorkloadAccess {
    private final Cache cache;
    private final KubernetesClient management;
    private final WorkloadServers servers;

    WorkloadAccess(Cache cache, KubernetesClient management, WorkloadServers servers) {
        this.cache = cache;
        this.management = management;
        this.servers = servers;
    }

    /** The workload server of {@code s}'s cluster, started when needed; empty while the CA Secret is missing. */
    Optional<WorkloadServer> ensure(DevMachineScope s) {
        int port = endpointPort(s);
        Optional<WorkloadServer> running = servers.get(s.clusterKey());
        if (running.isPresent() && running.get().port() == port) {
            return running;
        }
        Optional<CertifiedKey> ca = ClusterCertificateAuthority.read(management, s.request.namespace(),
                s.clusterName());
        return ca.map(authority -> servers.ensureStarted(s.clusterKey(), port, authority));
    }

    /** The server of {@code cluster} if it runs; deletion never starts one (an empty cluster has nothing to remove). */
    Optional<WorkloadServer> running(WorkloadServers.ClusterKey cluster) {
        return servers.get(cluster);
    }

    private int endpointPort(DevMachineScope s) {
        ContractRef ref = ClusterView.of(s.cluster).spec().infrastructureRef().orElseThrow(() ->
                new IllegalStateException("Cluster " + s.clusterKey() + " has no infrastructureRef"));
        JsonNode devCluster = cache.get(DevKinds.DEV_CLUSTER, s.request.namespace(), ref.name()).map(Trees::of)
                .orElseThrow(() -> new IllegalStateException("failed to get DevCluster " + s.request.namespace()
                        + "/" + ref.name() + " of Cluster " + s.clusterKey() + ": not found"));
        int port = devCluster.at("/spec/controlPlaneEndpoint/port").asInt(0);
        if (port <= 0) {
            throw new IllegalStateException("DevCluster " + s.request.namespace() + "/" + ref.name()
                    + " has no control plane endpoint yet");
        }
        return port;
    }
}
