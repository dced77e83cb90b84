package io.capj.api.infrastructure.dev.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.schema.Schema.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.Schema;

/**
 * The {@code devclusters.infrastructure.cluster.x-k8s.io} definition: a Cluster's infrastructure provided
 * by Docker containers or held in memory. Its status reports provisioning, conditions and failure domains
 * as the v1beta2 InfraCluster contract asks.
 */
public final class DevClusterCrd {
    /** The printer column showing the owning Cluster, read from the cluster-name label. */
    static final String CLUSTER_COLUMN_PATH = ".metadata.labels['cluster\\.x-k8s\\.io/cluster-name']";
    private static final String DESCRIPTION = "The infrastructure of a Cluster, backed by Docker or in memory.";

    private DevClusterCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category, printer columns and status subresource. */
    public static ObjectNode definition() {
        return DevInfrastructureCrds.kind("DevCluster")
                .version(DevInfrastructureCrds.VERSION, object().description(DESCRIPTION)
                        .property("spec", DevSchemas.clusterSpec())
                        .property("status", status()))
                .column("Cluster", "string", CLUSTER_COLUMN_PATH)
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema status() {
        return object()
                .property("conditions", conditions())
                .property("initialization", DevSchemas.initialization())
                .property("failureDomains", DevSchemas.failureDomains())
                .property("deprecated", DevSchemas.deprecated());
    }
}
