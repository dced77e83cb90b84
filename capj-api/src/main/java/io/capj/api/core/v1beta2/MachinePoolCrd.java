package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.clusterName;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.failureDomain;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.replicas;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.core.v1beta2.CommonTypes.versionCounts;
import static io.capj.api.core.v1beta2.CommonTypes.withFailure;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code machinepools.cluster.x-k8s.io} definition: a group of machines managed as one by the
 * infrastructure provider (a cloud scale set), reported back as provider IDs and Node references.
 */
public final class MachinePoolCrd {
    private static final String DESCRIPTION = "A group of machines that the infrastructure provider scales as one "
            + "unit, such as a cloud scale set.";

    private MachinePoolCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category, printer columns and scale subresource. */
    public static ObjectNode definition() {
        CrdBuilder crd = CrdBuilder.namespaced(CoreGroup.NAME, "MachinePool").shortNames("mp")
                .categories(CoreGroup.CATEGORY).scaleWithoutSelector()
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("Cluster", "string", ".spec.clusterName")
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
                .require("template", MachineSetCrd.machineTemplate())
                .property("providerIDList", arrayOf(string().length(1, 512)).maxItems(10000).atomicList())
                .property("failureDomains", arrayOf(failureDomain()).maxItems(100).atomicList());
    }

    private static Schema status() {
        Schema v1beta1 = withFailure(object()
                .property("conditions", v1beta1Conditions())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas())
                .property("unavailableReplicas", replicas()));
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("initialization", object().nonEmpty()
                        .property("infrastructureProvisioned", bool())
                        .property("bootstrapDataSecretCreated", bool()))
                .property("nodeRefs", arrayOf(objectReference()).maxItems(10000).atomicList())
                .property("replicas", replicas())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas())
                .property("upToDateReplicas", replicas())
                .property("versions", versionCounts())
                .property("phase", string().oneOf(MachinePoolPhase.names()))
                .property("observedGeneration", observedGeneration())
                .property("deprecated", object().property("v1beta1", v1beta1));
    }

    /** A {@code corev1.ObjectReference}, replaced as a whole. */
    private static Schema objectReference() {
        Schema ref = object().atomicMap();
        for (String field : new String[] {"kind", "namespace", "name", "uid", "apiVersion", "resourceVersion",
                "fieldPath"}) {
            ref.property(field, string());
        }
        return ref;
    }
}
