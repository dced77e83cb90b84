package io.capj.api.controlplane.kubeadm.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditionGates;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.contractRef;
import static io.capj.api.core.v1beta2.CommonTypes.flag;
import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.replicas;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.core.v1beta2.CommonTypes.version;
import static io.capj.api.core.v1beta2.CommonTypes.versionCounts;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code kubeadmcontrolplanes.controlplane.cluster.x-k8s.io} definition: a kubeadm-managed control plane
 * (replica count, Kubernetes version, Machine template, kubeadm configuration, rollout and remediation
 * policy) and the status the KubeadmControlPlane controller reports, with the scale subresource.
 */
public final class KubeadmControlPlaneCrd {
    private static final String DESCRIPTION = "A control plane of kubeadm-bootstrapped Machines.";

    private KubeadmControlPlaneCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category, contract labels and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(ControlPlaneGroup.NAME, "KubeadmControlPlane").shortNames("kcp")
                .categories(ControlPlaneGroup.CATEGORY)
                .label(ControlPlaneGroup.CONTRACT_V1BETA1_LABEL, "v1beta1")
                .label(ControlPlaneGroup.CONTRACT_V1BETA2_LABEL, "v1beta2")
                .scale()
                .version(ControlPlaneGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("Cluster", "string", ".metadata.labels['cluster\\.x-k8s\\.io/cluster-name']")
                .column("Available", "string", conditionStatus("Available"))
                .column("Desired", "integer", ".spec.replicas")
                .column("Current", "integer", ".status.replicas")
                .column("Ready", "integer", ".status.readyReplicas")
                .column("Available", "integer", ".status.availableReplicas")
                .column("Up-to-date", "integer", ".status.upToDateReplicas")
                .wideColumn("Paused", "string", conditionStatus("Paused"))
                .column("Initialized", "boolean", ".status.initialization.controlPlaneInitialized")
                .column("Age", "date", ".metadata.creationTimestamp")
                .column("Version", "string", ".spec.version")
                .build();
    }

    private static String conditionStatus(String type) {
        return ".status.conditions[?(@.type==\"" + type + "\")].status";
    }

    private static Schema spec() {
        return object()
                .property("replicas", replicas())
                .require("version", version())
                .require("machineTemplate", machineTemplate())
                .property("kubeadmConfigSpec", KubeadmControlPlaneSchemas.kubeadmConfigSpec())
                .property("rollout", KubeadmControlPlaneSchemas.rollout())
                .property("remediation", KubeadmControlPlaneSchemas.remediation())
                .property("machineNaming", KubeadmControlPlaneSchemas.machineNaming());
    }

    /** What every control-plane Machine gets: labels, annotations and the Machine spec fields KCP passes on. */
    private static Schema machineTemplate() {
        Schema machineSpec = object()
                .require("infrastructureRef", contractRef())
                .property("readinessGates", conditionGates())
                .property("deletion", KubeadmControlPlaneSchemas.deletion())
                .property("taints", KubeadmControlPlaneSchemas.taints());
        return object()
                .property("metadata", labelsAndAnnotations())
                .require("spec", machineSpec);
    }

    private static Schema status() {
        Schema v1beta1 = object()
                .property("conditions", v1beta1Conditions())
                .property("failureReason", string())
                .property("failureMessage", string().length(1, 10240))
                .property("updatedReplicas", replicas())
                .property("readyReplicas", replicas())
                .property("unavailableReplicas", replicas());
        Schema lastRemediation = object()
                .require("machine", string().length(1, 253))
                .require("time", dateTime())
                .require("retryCount", int32().minimum(0));
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("initialization", object().nonEmpty().property("controlPlaneInitialized", flag()))
                .property("selector", string().length(1, 4096))
                .property("replicas", replicas())
                .property("readyReplicas", replicas())
                .property("availableReplicas", replicas())
                .property("upToDateReplicas", replicas())
                .property("versions", versionCounts())
                .property("version", version())
                .property("observedGeneration", observedGeneration())
                .property("lastRemediation", lastRemediation)
                .property("deprecated", object().property("v1beta1", v1beta1));
    }
}
