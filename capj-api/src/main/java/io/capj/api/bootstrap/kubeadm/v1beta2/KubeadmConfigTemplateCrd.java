package io.capj.api.bootstrap.kubeadm.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.schema.Schema.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;

/**
 * The {@code kubeadmconfigtemplates.bootstrap.cluster.x-k8s.io} definition: a KubeadmConfig spec (plus
 * metadata) that MachineDeployments, MachineSets and ClusterClasses stamp out per Machine. It has no status.
 */
public final class KubeadmConfigTemplateCrd {
    private static final String DESCRIPTION = "A template KubeadmConfigs are created from.";

    private KubeadmConfigTemplateCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category, contract labels and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(BootstrapGroup.NAME, "KubeadmConfigTemplate")
                .categories(BootstrapGroup.CATEGORY)
                .label(BootstrapGroup.CONTRACT_V1BETA1_LABEL, "v1beta1")
                .label(BootstrapGroup.CONTRACT_V1BETA2_LABEL, "v1beta2")
                .withoutStatus()
                .version(BootstrapGroup.VERSION, object().description(DESCRIPTION)
                        .property("spec", object().require("template", object().nonEmpty()
                                .property("metadata", labelsAndAnnotations())
                                .property("spec", KubeadmConfigSpecSchema.spec()))))
                .column("ClusterClass", "string", ".metadata.ownerReferences[?(@.kind==\"ClusterClass\")].name")
                .column("Cluster", "string", ".metadata.ownerReferences[?(@.kind==\"Cluster\")].name")
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }
}
