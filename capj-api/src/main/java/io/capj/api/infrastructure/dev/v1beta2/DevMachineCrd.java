package io.capj.api.infrastructure.dev.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.failureDomain;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.Schema;

/**
 * The {@code devmachines.infrastructure.cluster.x-k8s.io} definition: a Machine's infrastructure, a Docker
 * container or an in-memory VM whose node, API server and etcd come up after configurable delays. Its
 * status reports provisioning, conditions, addresses and the failure domain as the v1beta2 InfraMachine
 * contract asks.
 */
public final class DevMachineCrd {
    private static final String DESCRIPTION = "The infrastructure of a Machine, backed by Docker or in memory.";

    private DevMachineCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category, printer columns and status subresource. */
    public static ObjectNode definition() {
        return DevInfrastructureCrds.kind("DevMachine")
                .version(DevInfrastructureCrds.VERSION, object().description(DESCRIPTION)
                        .property("spec", DevSchemas.machineSpec())
                        .property("status", status()))
                .column("Cluster", "string", DevClusterCrd.CLUSTER_COLUMN_PATH)
                .wideColumn("Provider ID", "string", ".spec.providerID")
                .column("Failure domain", "string", ".status.failureDomain")
                .wideColumn("IP", "string", ".status.addresses[?(@.type==\"InternalIP\")].address")
                .wideColumn("Paused", "string", ".status.conditions[?(@.type==\"Paused\")].status")
                .column("Provisioned", "string", ".status.initialization.provisioned")
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema status() {
        return object()
                .property("conditions", conditions())
                .property("initialization", DevSchemas.initialization())
                .property("addresses", addresses())
                .property("failureDomain", failureDomain())
                .property("deprecated", DevSchemas.deprecated());
    }

    private static Schema addresses() {
        Schema address = object()
                .require("type", string().oneOf("Hostname", "ExternalIP", "InternalIP", "ExternalDNS", "InternalDNS"))
                .require("address", string().length(1, 256));
        return arrayOf(address);
    }
}
