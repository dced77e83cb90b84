package io.capj.api.infrastructure.dev.v1beta2;

import static io.capj.api.schema.Schema.object;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code devclustertemplates.infrastructure.cluster.x-k8s.io} definition: a DevCluster spec that
 * ClusterClasses stamp out. It has no status.
 */
public final class DevClusterTemplateCrd {
    private static final String DESCRIPTION = "A template for DevClusters: spec.template.spec is a DevCluster spec.";

    private DevClusterTemplateCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category and Age column and no status subresource. */
    public static ObjectNode definition() {
        return DevInfrastructureCrds.kind("DevClusterTemplate").withoutStatus()
                .version(DevInfrastructureCrds.VERSION, object().description(DESCRIPTION)
                        .property("spec", object().require("template", DevSchemas.template(DevSchemas.clusterSpec()))))
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }
}
