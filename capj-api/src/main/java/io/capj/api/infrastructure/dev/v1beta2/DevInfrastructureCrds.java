package io.capj.api.infrastructure.dev.v1beta2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.schema.CrdBuilder;
import java.util.List;

/**
 * The development provider's group, version and contract label, and the four CRDs it serves. Each call
 * builds fresh JSON.
 */
public final class DevInfrastructureCrds {
    /** The infrastructure providers' API group. */
    public static final String GROUP = "infrastructure.cluster.x-k8s.io";
    /** The only served (and stored) version. */
    public static final String VERSION = "v1beta2";
    /** The contract label key: the CRDs implement the v1beta2 Cluster API contract with version v1beta2. */
    public static final String CONTRACT_LABEL = "cluster.x-k8s.io/v1beta2";

    private DevInfrastructureCrds() {
    }

    /** DevCluster, DevMachine, DevClusterTemplate and DevMachineTemplate, in that order. */
    public static List<ObjectNode> all() {
        return List.of(DevClusterCrd.definition(), DevMachineCrd.definition(), DevClusterTemplateCrd.definition(),
                DevMachineTemplateCrd.definition());
    }

    /** A namespaced kind of this group in the {@code cluster-api} category with the contract label. */
    static CrdBuilder kind(String kind) {
        return CrdBuilder.namespaced(GROUP, kind).categories(CoreGroup.CATEGORY).label(CONTRACT_LABEL, VERSION);
    }
}
