package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.clusterName;
import static io.capj.api.core.v1beta2.CommonTypes.conditionGates;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.contractRef;
import static io.capj.api.core.v1beta2.CommonTypes.failureDomain;
import static io.capj.api.core.v1beta2.CommonTypes.machineDeletionTimeouts;
import static io.capj.api.core.v1beta2.CommonTypes.machineTaints;
import static io.capj.api.core.v1beta2.CommonTypes.objectName;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.seconds;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.core.v1beta2.CommonTypes.version;
import static io.capj.api.core.v1beta2.CommonTypes.withFailure;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.int64;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code machines.cluster.x-k8s.io} definition: one Kubernetes node's worth of infrastructure plus its
 * bootstrap configuration. {@link #spec()} is also the template spec of MachineSets and MachineDeployments.
 */
public final class MachineCrd {
    private static final String DESCRIPTION = "One machine that hosts, or will host, a Kubernetes node: its bootstrap "
            + "configuration, its infrastructure object and the Kubernetes version it runs.";

    private MachineCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(CoreGroup.NAME, "Machine").shortNames("ma").categories(CoreGroup.CATEGORY)
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("Cluster", "string", ".spec.clusterName")
                .column("Node Name", "string", ".status.nodeRef.name")
                .wideColumn("Provider ID", "string", ".spec.providerID")
                .column("Failure domain", "string", ".status.failureDomain")
                .column("Ready", "string", CoreGroup.conditionStatus(MachineConditions.MachineReadyCondition))
                .column("Available", "string", CoreGroup.conditionStatus(CommonConditions.AvailableCondition))
                .column("Up-to-date", "string", CoreGroup.conditionStatus(MachineConditions.MachineUpToDateCondition))
                .wideColumn("Internal-IP", "string", ".status.addresses[?(@.type==\"InternalIP\")].address")
                .wideColumn("External-IP", "string", ".status.addresses[?(@.type==\"ExternalIP\")].address")
                .wideColumn("OS-Image", "string", ".status.nodeInfo.osImage")
                .wideColumn("Paused", "string", CoreGroup.conditionStatus(CommonConditions.PausedCondition))
                .column("Phase", "string", ".status.phase")
                .column("Age", "date", ".metadata.creationTimestamp")
                .column("Version", "string", ".spec.version")
                .build();
    }

    /** {@code MachineSpec}. */
    static Schema spec() {
        Schema bootstrap = object()
                .property("configRef", contractRef())
                .property("dataSecretName", string().length(0, 253));
        return object()
                .require("clusterName", clusterName())
                .require("bootstrap", bootstrap)
                .require("infrastructureRef", contractRef())
                .property("version", version())
                .property("providerID", string().length(1, 512))
                .property("failureDomain", failureDomain())
                .property("minReadySeconds", seconds())
                .property("readinessGates", conditionGates())
                .property("deletion", machineDeletionTimeouts())
                .property("taints", machineTaints());
    }

    private static Schema status() {
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("initialization", object().nonEmpty()
                        .property("infrastructureProvisioned", bool())
                        .property("bootstrapDataSecretCreated", bool()))
                .property("nodeRef", object().require("name", objectName()))
                .property("nodeInfo", nodeInfo())
                .property("lastUpdated", dateTime())
                .property("failureDomain", failureDomain())
                .property("addresses", addresses())
                .property("phase", string().oneOf(MachinePhase.names()))
                .property("certificatesExpiryDate", dateTime())
                .property("observedGeneration", observedGeneration())
                .property("deletion", object()
                        .property("nodeDrainStartTime", dateTime())
                        .property("waitForNodeVolumeDetachStartTime", dateTime())
                        .property("waitForPreDrainHookStartTime", dateTime())
                        .property("waitForPreTerminateHookStartTime", dateTime()))
                .property("deprecated", object().property("v1beta1",
                        withFailure(object().property("conditions", v1beta1Conditions()))));
    }

    private static Schema addresses() {
        Schema address = object()
                .require("type", string().oneOf("Hostname", "ExternalIP", "InternalIP", "ExternalDNS", "InternalDNS"))
                .require("address", string().length(1, 256));
        return arrayOf(address).maxItems(256).atomicList();
    }

    /** {@code corev1.NodeSystemInfo} as copied from the workload cluster's Node. */
    private static Schema nodeInfo() {
        Schema info = object();
        for (String field : new String[] {"machineID", "systemUUID", "bootID", "kernelVersion", "osImage",
                "containerRuntimeVersion", "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture"}) {
            info.require(field, string());
        }
        return info.property("swap", object().property("capacity", int64()));
    }
}
