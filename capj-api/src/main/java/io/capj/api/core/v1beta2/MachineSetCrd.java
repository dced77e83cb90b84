package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.clusterName;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.deletionOrder;
import static io.capj.api.core.v1beta2.CommonTypes.labelSelector;
import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.replicas;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.core.v1beta2.CommonTypes.versionCounts;
import static io.capj.api.core.v1beta2.CommonTypes.withFailure;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code machinesets.cluster.x-k8s.io} definition: a replica count of Machines cut from one template.
 * It has the scale subresource, so {@code kubectl scale ms} and autoscalers work on it.
 */
public final class MachineSetCrd {
    private static final String DESCRIPTION =
            "Keeps a number of Machines cut from one template running, as a ReplicaSet does "
            + "for Pods.";

    private MachineSetCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category, printer columns and scale subresource. */
    public static ObjectNode definition() {
        CrdBuilder crd = CrdBuilder.namespaced(CoreGroup.NAME, "MachineSet").shortNames("ms")
                .categories(CoreGroup.CATEGORY).scale()
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("Cluster", "string", ".spec.clusterName")
                .column("Desired", "integer", ".spec.replicas");
        return replicaColumns(crd)
                .column("Age", "date", ".metadata.creationTimestamp")
                .column("Version", "string", ".spec.template.spec.version")
                .build();
    }

    /** Current, Ready, Available, Up-to-date, Paused, Age and Version, shared with MachineDeployment. */
    static CrdBuilder replicaColumns(CrdBuilder crd) {
        return crd.column("Current", "integer", ".status.replicas")
                .column("Ready", "integer", ".status.readyReplicas")
                .column("Available", "integer", ".status.availableReplicas")
                .column("Up-to-date", "integer", ".status.upToDateReplicas")
                .wideColumn("Paused", "string", CoreGroup.conditionStatus(CommonConditions.PausedCondition));
    }

    private static Schema spec() {
        return object()
                .require("clusterName", clusterName())
                .property("replicas", replicas())
                .require("selector", labelSelector())
                .require("template", machineTemplate())
                .property("machineNaming", machineNaming())
                .property("deletion", object().nonEmpty().property("order", deletionOrder()));
    }

    /** {@code MachineTemplateSpec}: metadata plus a Machine spec. */
    static Schema machineTemplate() {
        return object()
                .property("metadata", labelsAndAnnotations())
                .require("spec", MachineCrd.spec());
    }

    /** How generated Machine names are built (a Go template). */
    static Schema machineNaming() {
        return object().nonEmpty().property("template", string().length(1, 256));
    }

    /** The status counters of sets and deployments. */
    static Schema replicaStatus() {
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("selector", string().length(1, 4096))
                .property("replicas", replicas())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas())
                .property("upToDateReplicas", replicas())
                .property("versions", versionCounts())
                .property("observedGeneration", observedGeneration());
    }

    private static Schema status() {
        Schema v1beta1 = withFailure(object()
                .property("conditions", v1beta1Conditions())
                .property("fullyLabeledReplicas", replicas())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas()));
        return replicaStatus().property("deprecated", object().property("v1beta1", v1beta1));
    }
}
