package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditionGates;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.contractRef;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.replicas;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.core.v1beta2.CommonTypes.version;
import static io.capj.api.core.v1beta2.CommonTypes.withFailure;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.mapOf;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code clusters.cluster.x-k8s.io} definition: a workload cluster, either assembled from explicit
 * control-plane and infrastructure references or described by a ClusterClass topology.
 */
public final class ClusterCrd {
    private static final String DESCRIPTION =
            "A workload Kubernetes cluster: its network, control plane endpoint, and either "
            + "references to its control plane and infrastructure objects or a ClusterClass "
            + "topology.";

    private ClusterCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(CoreGroup.NAME, "Cluster").shortNames("cl").categories(CoreGroup.CATEGORY)
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("ClusterClass", "string", ".spec.topology.classRef.name")
                .column("Available", "string", CoreGroup.conditionStatus(CommonConditions.AvailableCondition))
                .column("CP Desired", "integer", ".status.controlPlane.desiredReplicas")
                .wideColumn("CP Current", "integer", ".status.controlPlane.replicas")
                .wideColumn("CP Ready", "integer", ".status.controlPlane.readyReplicas")
                .column("CP Available", "integer", ".status.controlPlane.availableReplicas")
                .column("CP Up-to-date", "integer", ".status.controlPlane.upToDateReplicas")
                .column("W Desired", "integer", ".status.workers.desiredReplicas")
                .wideColumn("W Current", "integer", ".status.workers.replicas")
                .wideColumn("W Ready", "integer", ".status.workers.readyReplicas")
                .column("W Available", "integer", ".status.workers.availableReplicas")
                .column("W Up-to-date", "integer", ".status.workers.upToDateReplicas")
                .wideColumn("Paused", "string", CoreGroup.conditionStatus(CommonConditions.PausedCondition))
                .column("Phase", "string", ".status.phase")
                .column("Age", "date", ".metadata.creationTimestamp")
                .column("Version", "string", ".spec.topology.version")
                .build();
    }

    private static Schema spec() {
        return object().nonEmpty()
                .property("paused", bool())
                .property("clusterNetwork", clusterNetwork())
                .property("controlPlaneEndpoint", object().nonEmpty()
                        .property("host", string().length(1, 512))
                        .property("port", port()))
                .property("controlPlaneRef", contractRef())
                .property("infrastructureRef", contractRef())
                .property("topology", TopologySchema.topology())
                .property("availabilityGates", conditionGates());
    }

    private static Schema clusterNetwork() {
        return object().nonEmpty()
                .property("apiServerPort", port())
                .property("services", cidrBlocks())
                .property("pods", cidrBlocks())
                .property("serviceDomain", string().length(1, 253));
    }

    private static Schema cidrBlocks() {
        return object().require("cidrBlocks", arrayOf(string().length(1, 43)).items(1, 100).atomicList());
    }

    private static Schema port() {
        return int32().minimum(1).maximum(65535);
    }

    private static Schema status() {
        Schema failureDomain = object()
                .require("name", string().length(1, 256))
                .property("controlPlane", bool())
                .property("attributes", mapOf(string()));
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("initialization", object().nonEmpty()
                        .property("infrastructureProvisioned", bool())
                        .property("controlPlaneInitialized", bool()))
                .property("controlPlane", machineCounts())
                .property("workers", machineCounts())
                .property("failureDomains", arrayOf(failureDomain).items(1, 100).listMap("name"))
                .property("phase", string().oneOf(ClusterPhase.names()))
                .property("observedGeneration", observedGeneration())
                .property("deprecated", object().property("v1beta1",
                        withFailure(object().property("conditions", v1beta1Conditions()))));
    }

    /** Replica counters, versions and the upgrade plan of the control plane or of all workers. */
    private static Schema machineCounts() {
        Schema versionCount = object().require("version", version()).property("replicas", int32().minimum(1));
        return object()
                .property("desiredReplicas", replicas())
                .property("replicas", replicas())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas())
                .property("upToDateReplicas", replicas())
                .property("versions", arrayOf(versionCount).items(1, 32).atomicList())
                .property("upgradePlan", arrayOf(object().require("version", version())).items(1, 32).atomicList());
    }
}
