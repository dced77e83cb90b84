package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.clusterName;
import static io.capj.api.core.v1beta2.CommonTypes.conditions;
import static io.capj.api.core.v1beta2.CommonTypes.labelSelector;
import static io.capj.api.core.v1beta2.CommonTypes.observedGeneration;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code machinehealthchecks.cluster.x-k8s.io} definition: which Machines of a Cluster to watch, what
 * makes one unhealthy, and how much remediation is allowed.
 */
public final class MachineHealthCheckCrd {
    private static final String DESCRIPTION =
            "Watches the Machines a selector picks and marks those whose Node is unhealthy "
            + "for remediation.";

    private MachineHealthCheckCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's short names, category and printer columns. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(CoreGroup.NAME, "MachineHealthCheck").shortNames("mhc", "mhcs")
                .categories(CoreGroup.CATEGORY)
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("spec", spec()).property("status", status()))
                .column("Cluster", "string", ".spec.clusterName")
                .column("Replicas", "integer", ".status.expectedMachines")
                .column("Healthy", "integer", ".status.currentHealthy")
                .wideColumn("Paused", "string", CoreGroup.conditionStatus(CommonConditions.PausedCondition))
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema spec() {
        return object()
                .require("clusterName", clusterName())
                .require("selector", labelSelector())
                .property("checks", HealthCheckSchema.checks())
                .property("remediation", HealthCheckSchema.remediation(object().nonEmpty()));
    }

    private static Schema status() {
        return object().nonEmpty()
                .property("expectedMachines", count())
                .property("currentHealthy", count())
                .property("remediationsAllowed", count())
                .property("observedGeneration", observedGeneration())
                .property("targets", arrayOf(string().length(1, 253)).maxItems(10000).atomicList())
                .property("conditions", conditions())
                .property("deprecated", object().property("v1beta1",
                        object().property("conditions", v1beta1Conditions())));
    }

    private static Schema count() {
        return int32().minimum(0);
    }
}
