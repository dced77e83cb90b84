package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.conditionGates;
import static io.capj.api.core.v1beta2.CommonTypes.deletionOrder;
import static io.capj.api.core.v1beta2.CommonTypes.failureDomain;
import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.core.v1beta2.CommonTypes.machineDeletionTimeouts;
import static io.capj.api.core.v1beta2.CommonTypes.machineTaints;
import static io.capj.api.core.v1beta2.CommonTypes.objectName;
import static io.capj.api.core.v1beta2.CommonTypes.replicas;
import static io.capj.api.core.v1beta2.CommonTypes.seconds;
import static io.capj.api.core.v1beta2.CommonTypes.version;
import static io.capj.api.schema.Schema.anyValue;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.api.schema.Schema;

/**
 * {@code Cluster.spec.topology}: a Cluster described by a ClusterClass plus per-cluster choices (version,
 * replicas, variables and their per-pool overrides, health checks).
 */
final class TopologySchema {
    private TopologySchema() {
    }

    static Schema topology() {
        return object()
                .require("classRef", object()
                        .require("name", objectName())
                        .property("namespace", string().length(1, 63).pattern(NamePatterns.DNS_LABEL)))
                .require("version", version())
                .property("controlPlane", controlPlane())
                .property("workers", object().nonEmpty()
                        .property("machineDeployments", arrayOf(machineDeployment()).items(1, 2000).listMap("name"))
                        .property("machinePools", arrayOf(machinePool()).items(1, 2000).listMap("name")))
                .property("variables", variables());
    }

    private static Schema controlPlane() {
        return object().nonEmpty()
                .property("metadata", labelsAndAnnotations())
                .property("replicas", replicas())
                .property("rollout", object().nonEmpty().property("after", dateTime()))
                .property("healthCheck", healthCheck(object().nonEmpty()))
                .property("deletion", machineDeletionTimeouts())
                .property("taints", machineTaints())
                .property("readinessGates", conditionGates())
                .property("variables", overrides());
    }

    private static Schema machineDeployment() {
        return pool()
                .property("failureDomain", failureDomain())
                .property("healthCheck", healthCheck(object().nonEmpty().property("maxInFlight", intOrString())))
                .property("deletion", machineDeletionTimeouts().property("order", deletionOrder()))
                .property("readinessGates", conditionGates())
                .property("rollout", MachineDeploymentCrd.rollout());
    }

    private static Schema machinePool() {
        return pool()
                .property("failureDomains", arrayOf(failureDomain()).items(1, 100).atomicList())
                .property("deletion", machineDeletionTimeouts());
    }

    /** What MachineDeployment and MachinePool topologies share. */
    private static Schema pool() {
        return object()
                .require("class", string().length(1, 256))
                .require("name", string().length(1, 63).pattern(NamePatterns.DNS_SUBDOMAIN))
                .property("metadata", labelsAndAnnotations())
                .property("replicas", replicas())
                .property("minReadySeconds", seconds())
                .property("taints", machineTaints())
                .property("variables", overrides());
    }

    /** {@code healthCheck}; {@code remediation} is the caller's, so MachineDeployments can add maxInFlight. */
    private static Schema healthCheck(Schema remediation) {
        return HealthCheckSchema.healthCheck(remediation).property("enabled", bool());
    }

    /** Cluster-wide variable values, keyed by name; values are any JSON the class's schema accepts. */
    private static Schema variables() {
        return arrayOf(variable()).items(1, 1000).listMap("name");
    }

    private static Schema overrides() {
        return object().nonEmpty().property("overrides", variables());
    }

    private static Schema variable() {
        return object()
                .require("name", string().length(1, 256))
                .require("value", anyValue());
    }
}
