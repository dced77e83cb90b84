package io.capj.api.bootstrap.kubeadm.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.flag;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code kubeadmconfigs.bootstrap.cluster.x-k8s.io} definition: how one Machine is bootstrapped with
 * kubeadm (init or join configuration, files, users, commands) and the status the bootstrap provider
 * reports (conditions, whether the bootstrap data Secret exists and its name).
 */
public final class KubeadmConfigCrd {
    private static final String DESCRIPTION = "The configuration kubeadm bootstrap data is generated from for "
            + "one Machine.";

    private KubeadmConfigCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category, contract labels, printer columns and status. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(BootstrapGroup.NAME, "KubeadmConfig").categories(BootstrapGroup.CATEGORY)
                .label(BootstrapGroup.CONTRACT_V1BETA1_LABEL, "v1beta1")
                .label(BootstrapGroup.CONTRACT_V1BETA2_LABEL, "v1beta2")
                .version(BootstrapGroup.VERSION, object().description(DESCRIPTION)
                        .property("spec", KubeadmConfigSpecSchema.spec())
                        .property("status", status()))
                .column("Cluster", "string", ".metadata.labels['cluster\\.x-k8s\\.io/cluster-name']")
                .wideColumn("Paused", "string", ".status.conditions[?(@.type==\"Paused\")].status")
                .column("Data secret created", "string", ".status.initialization.dataSecretCreated")
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema status() {
        Schema v1beta1 = object()
                .property("conditions", v1beta1Conditions())
                .property("failureReason", string().length(1, 256))
                .property("failureMessage", string().length(1, 10240));
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("initialization", object().nonEmpty().property("dataSecretCreated", flag()))
                .property("dataSecretName", string().length(1, 253))
                .property("observedGeneration", observedGeneration())
                .property("deprecated", object().property("v1beta1", v1beta1));
    }
}
