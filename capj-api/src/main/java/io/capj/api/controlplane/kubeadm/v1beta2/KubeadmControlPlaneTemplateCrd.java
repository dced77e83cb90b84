package io.capj.api.controlplane.kubeadm.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.schema.Schema.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code kubeadmcontrolplanetemplates.controlplane.cluster.x-k8s.io} definition: the KubeadmControlPlane
 * spec a ClusterClass stamps out per Cluster, without the fields the topology controller sets itself
 * (replicas, version, infrastructure reference, readiness gates). It has no status.
 */
public final class KubeadmControlPlaneTemplateCrd {
    private static final String DESCRIPTION = "A template KubeadmControlPlanes are created from.";

    private KubeadmControlPlaneTemplateCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category, contract labels and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(ControlPlaneGroup.NAME, "KubeadmControlPlaneTemplate")
                .categories(ControlPlaneGroup.CATEGORY)
                .label(ControlPlaneGroup.CONTRACT_V1BETA1_LABEL, "v1beta1")
                .label(ControlPlaneGroup.CONTRACT_V1BETA2_LABEL, "v1beta2")
                .withoutStatus()
                .version(ControlPlaneGroup.VERSION, object().description(DESCRIPTION)
                        .property("spec", object().require("template", object().nonEmpty()
                                .property("metadata", labelsAndAnnotations())
                                .property("spec", resourceSpec()))))
                .column("ClusterClass", "string", ".metadata.ownerReferences[?(@.kind==\"ClusterClass\")].name")
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema resourceSpec() {
        Schema machineSpec = object().nonEmpty()
                .property("deletion", KubeadmControlPlaneSchemas.deletion())
                .property("taints", KubeadmControlPlaneSchemas.taints());
        return object().nonEmpty()
                .property("machineTemplate", object().nonEmpty()
                        .property("metadata", labelsAndAnnotations())
                        .property("spec", machineSpec))
                .property("kubeadmConfigSpec", KubeadmControlPlaneSchemas.kubeadmConfigSpec())
                .property("rollout", KubeadmControlPlaneSchemas.rollout())
                .property("remediation", KubeadmControlPlaneSchemas.remediation())
                .property("machineNaming", KubeadmControlPlaneSchemas.machineNaming());
    }
}
