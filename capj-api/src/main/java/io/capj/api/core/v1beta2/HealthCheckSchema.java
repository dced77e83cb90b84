package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.seconds;
import static io.capj.api.core.v1beta2.CommonTypes.versionedRef;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.api.schema.Schema;

/**
 * The health check shapes shared by MachineHealthCheck and the health checks a Cluster topology sets for
 * its control plane and MachineDeployments: which conditions make a Machine unhealthy, and when and how to
 * remediate it.
 */
final class HealthCheckSchema {
    /** Conditions a health check must not watch: they are the ones it (or its owner) writes. */
    private static final String RESERVED_CONDITIONS_RULE =
            "!(self in ['Ready','Available','HealthCheckSucceeded','OwnerRemediated','ExternallyRemediated'])";

    private HealthCheckSchema() {
    }

    /** A health check with the given remediation object (MachineDeployments add maxInFlight to theirs). */
    static Schema healthCheck(Schema remediation) {
        return object().nonEmpty()
                .property("checks", checks())
                .property("remediation", remediation(remediation));
    }

    /** {@code checks}: node startup timeout and unhealthy Node and Machine conditions. */
    static Schema checks() {
        Schema nodeCondition = object()
                .require("type", string().minLength(1))
                .require("status", string().minLength(1))
                .require("timeoutSeconds", seconds());
        Schema machineCondition = object()
                .require("type", string().length(1, 316).pattern(NamePatterns.CONDITION_TYPE)
                        .rule(RESERVED_CONDITIONS_RULE, "type must not be one of: Ready, Available, "
                                + "HealthCheckSucceeded, OwnerRemediated, ExternallyRemediated"))
                .require("status", string().oneOf("True", "False", "Unknown"))
                .require("timeoutSeconds", seconds());
        return object().nonEmpty()
                .property("nodeStartupTimeoutSeconds", seconds())
                .property("unhealthyNodeConditions", arrayOf(nodeCondition).items(1, 100).atomicList())
                .property("unhealthyMachineConditions", arrayOf(machineCondition).items(1, 100).atomicList());
    }

    /** {@code remediation}: adds triggerIf and templateRef to the given (non-empty) object. */
    static Schema remediation(Schema remediation) {
        Schema triggerIf = object().nonEmpty()
                .property("unhealthyLessThanOrEqualTo", intOrString())
                .property("unhealthyInRange", string().length(1, 32).pattern("^\\[[0-9]+-[0-9]+\\]$"));
        return remediation
                .property("triggerIf", triggerIf)
                .property("templateRef", versionedRef());
    }
}
