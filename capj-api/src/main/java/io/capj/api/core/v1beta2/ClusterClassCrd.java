package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditionGates;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.deletionOrder;
import static io.capj.api.core.v1beta2.CommonTypes.failureDomain;
import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.core.v1beta2.CommonTypes.machineDeletionTimeouts;
import static io.capj.api.core.v1beta2.CommonTypes.machineTaints;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.seconds;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.core.v1beta2.CommonTypes.version;
import static io.capj.api.core.v1beta2.CommonTypes.versionedRef;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code clusterclasses.cluster.x-k8s.io} definition: a reusable cluster shape (templates for the
 * infrastructure, control plane and worker classes), the variables a Cluster may set, and the patches that
 * apply them. Variables and patches live in {@link ClusterClassVariablesSchema} and
 * {@link ClusterClassPatchesSchema}.
 */
public final class ClusterClassCrd {
    private static final String DESCRIPTION =
            "A reusable shape for Clusters: templates for infrastructure, control plane and "
            + "worker classes, plus variables and patches.";

    private ClusterClassCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short name, category and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(CoreGroup.NAME, "ClusterClass").plural("clusterclasses").shortNames("cc")
                .categories(CoreGroup.CATEGORY)
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .wideColumn("Paused", "string", CoreGroup.conditionStatus(CommonConditions.PausedCondition))
                .column("Variables Ready", "string",
                        CoreGroup.conditionStatus(ClusterClassConditions.ClusterClassVariablesReadyCondition))
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema spec() {
        return object()
                .property("availabilityGates", conditionGates())
                .require("infrastructure", templated().property("naming", naming()))
                .require("controlPlane", controlPlane())
                .property("workers", object().nonEmpty()
                        .property("machineDeployments", arrayOf(machineDeploymentClass()).items(1, 100)
                                .listMap("class"))
                        .property("machinePools", arrayOf(machinePoolClass()).items(1, 100).listMap("class")))
                .property("variables", arrayOf(ClusterClassVariablesSchema.variable()).items(1, 1000).atomicList())
                .property("patches", arrayOf(ClusterClassPatchesSchema.patch()).items(1, 1000).atomicList())
                .property("upgrade", object().nonEmpty().property("external", object().nonEmpty()
                        .property("generateUpgradePlanExtension", string().length(1, 512))))
                .property("kubernetesVersions", arrayOf(version()).items(1, 100).atomicList());
    }

    private static Schema controlPlane() {
        return templated()
                .property("machineInfrastructure", templated())
                .property("metadata", labelsAndAnnotations())
                .property("healthCheck", HealthCheckSchema.healthCheck(object().nonEmpty()))
                .property("naming", naming())
                .property("deletion", machineDeletionTimeouts())
                .property("taints", machineTaints())
                .property("readinessGates", conditionGates());
    }

    private static Schema machineDeploymentClass() {
        Schema rollout = object().nonEmpty().property("strategy", MachineDeploymentCrd.rolloutStrategy());
        return workerClass()
                .property("healthCheck", HealthCheckSchema.healthCheck(
                        object().nonEmpty().property("maxInFlight", intOrString())))
                .property("failureDomain", failureDomain())
                .property("deletion", machineDeletionTimeouts().property("order", deletionOrder()))
                .property("readinessGates", conditionGates())
                .property("rollout", rollout);
    }

    private static Schema machinePoolClass() {
        return workerClass()
                .property("failureDomains", arrayOf(failureDomain()).maxItems(100).atomicList())
                .property("deletion", machineDeletionTimeouts());
    }

    /** What MachineDeployment and MachinePool classes share. */
    private static Schema workerClass() {
        return object()
                .require("class", string().length(1, 256))
                .require("bootstrap", templated())
                .require("infrastructure", templated())
                .property("metadata", labelsAndAnnotations())
                .property("naming", naming())
                .property("minReadySeconds", seconds())
                .property("taints", machineTaints());
    }

    /** An object whose only required field is a {@code templateRef}. */
    private static Schema templated() {
        return object().require("templateRef", versionedRef());
    }

    private static Schema naming() {
        return object().nonEmpty().property("template", string().length(1, 1024));
    }

    private static Schema status() {
        Schema definition = object()
                .require("from", string().length(1, 256))
                .require("required", Schema.bool())
                .property("deprecatedV1Beta1Metadata", labelsAndAnnotations())
                .require("schema", ClusterClassVariablesSchema.variableSchema());
        Schema variable = object()
                .require("name", string().length(1, 256))
                .property("definitionsConflict", Schema.bool())
                .require("definitions", arrayOf(definition).items(1, 100).atomicList());
        return object().nonEmpty()
                .property("conditions", conditions())
                .property("variables", arrayOf(variable).maxItems(1000).atomicList())
                .property("observedGeneration", observedGeneration())
                .property("deprecated", object().property("v1beta1",
                        object().property("conditions", v1beta1Conditions())));
    }
}
