package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.clusterName;
import static io.capj.api.core.v1beta2.CommonTypes.deletionOrder;
import static io.capj.api.core.v1beta2.CommonTypes.labelSelector;
import static io.capj.api.core.v1beta2.CommonTypes.replicas;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code machinedeployments.cluster.x-k8s.io} definition: declarative rollouts of Machines through
 * MachineSets, with the scale subresource.
 */
public final class MachineDeploymentCrd {
    private static final String DESCRIPTION =
            "Declarative updates for Machines: rolls changes of its template out through "
            + "MachineSets.";

    private MachineDeploymentCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category, printer columns and scale subresource. */
    public static ObjectNode definition() {
        CrdBuilder crd = CrdBuilder.namespaced(CoreGroup.NAME, "MachineDeployment").shortNames("md")
                .categories(CoreGroup.CATEGORY).scale()
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("Cluster", "string", ".spec.clusterName")
                .column("Available", "string", CoreGroup.conditionStatus(CommonConditions.AvailableCondition))
                .column("Desired", "integer", ".spec.replicas");
        return MachineSetCrd.replicaColumns(crd)
                .column("Phase", "string", ".status.phase")
                .column("Age", "date", ".metadata.creationTimestamp")
                .column("Version", "string", ".spec.template.spec.version")
                .build();
    }

    private static Schema spec() {
        return object()
                .require("clusterName", clusterName())
                .property("replicas", replicas())
                .property("rollout", rollout())
                .require("selector", labelSelector())
                .require("template", MachineSetCrd.machineTemplate())
                .property("machineNaming", MachineSetCrd.machineNaming())
                .property("remediation", object().nonEmpty().property("maxInFlight", intOrString()))
                .property("deletion", object().nonEmpty().property("order", deletionOrder()))
                .property("paused", bool());
    }

    /** {@code rollout}: when to restart a rollout and how to replace Machines. */
    static Schema rollout() {
        return object().nonEmpty()
                .property("after", dateTime())
                .property("strategy", rolloutStrategy());
    }

    /** RollingUpdate (with surge and unavailability bounds) or OnDelete. */
    static Schema rolloutStrategy() {
        Schema rollingUpdate = object().nonEmpty()
                .property("maxUnavailable", intOrString())
                .property("maxSurge", intOrString());
        return object().nonEmpty()
                .require("type", string().oneOf("RollingUpdate", "OnDelete"))
                .property("rollingUpdate", rollingUpdate);
    }

    private static Schema status() {
        Schema v1beta1 = object()
                .property("conditions", v1beta1Conditions())
                .property("updatedReplicas", replicas())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas())
                .property("unavailableReplicas", replicas());
        return MachineSetCrd.replicaStatus()
                .property("phase", string().oneOf(MachineDeploymentPhase.names()))
                .property("deprecated", object().property("v1beta1", v1beta1));
    }
}
