package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.core.machinedeployment.TreeConditions;
import io.capj.runtime.Conditions;
import io.capj.runtime.EventRecorder;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a health check's verdicts onto its Machines, as upstream's {@code patchHealthyTargets} and
 * {@code patchUnhealthyTargets}: HealthCheckSucceeded always; for an unhealthy Machine, when remediation is
 * allowed, either a remediation request with ExternallyRemediated=False (templateRef set) or
 * OwnerRemediated=False for its MachineSet or control plane to act on (not when the Machine is already deleting,
 * and never overwriting an owner's remediation in progress). A healthy Machine's remediation request is deleted;
 * its stale OwnerRemediated is removed by the owner (the MachineSet), as upstream. Each Machine gets one patch.
 */
final class MachineMarks {
    private static final Logger LOG = LoggerFactory.getLogger(MachineMarks.class);
    /** Upstream's event reason for a Machine newly found unhealthy. */
    static final String MACHINE_MARKED_UNHEALTHY = "MachineMarkedUnhealthy";

    private final EventRecorder events;
    private final ExternalRemediation external;

    MachineMarks(EventRecorder events, ExternalRemediation external) {
        this.events = events;
        this.external = external;
    }

    /** Only records the verdict (remediation is restricted): HealthCheckSucceeded, nothing that remediates. */
    void report(HealthCheckTarget target, Verdict verdict) {
        setHealthCheckSucceeded(target.machine(), verdict);
        target.patchHelper().patch(target.machine());
    }

    /** Records a healthy verdict and withdraws an external remediation request. */
    void healthy(JsonNode healthCheck, HealthCheckTarget target) {
        JsonNode templateRef = healthCheck.at("/spec/remediation/templateRef");
        if (templateRef.isObject()) {
            external.delete(templateRef, target.machine());
        }
        report(target, Verdict.healthy());
    }

    /** Records an unhealthy verdict and asks for remediation. */
    void unhealthy(JsonNode healthCheck, HealthCheckTarget target, Verdict verdict) {
        ObjectNode machine = target.machine();
        boolean newlyUnhealthy = !markedUnhealthy(machine);
        setHealthCheckSucceeded(machine, verdict);
        JsonNode templateRef = healthCheck.at("/spec/remediation/templateRef");
        RuntimeException failure = null;
        try {
            if (templateRef.isObject()) {
                requestExternalRemediation(healthCheck, templateRef, machine);
            } else if (!target.deleting()) {
                requestOwnerRemediation(machine);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        target.patchHelper().patch(machine);
        if (newlyUnhealthy) {
            LOG.info("Machine has failed health check, marked for remediation Machine={}/{} MachineHealthCheck={} "
                    + "reason={}", namespace(machine), target.name(), name(healthCheck), verdict.reason());
            events.normal(machine, MACHINE_MARKED_UNHEALTHY, "Machine " + namespace(machine) + "/" + target.name()
                    + " has been marked as unhealthy by " + namespace(healthCheck) + "/" + name(healthCheck));
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether {@code machine} already carries HealthCheckSucceeded=False. */
    static boolean markedUnhealthy(JsonNode machine) {
        return MachineView.of(machine).status().condition(MachineConditions.MachineHealthCheckSucceededCondition)
                .map(c -> Conditions.FALSE.equals(c.status())).orElse(false);
    }

    private void requestExternalRemediation(JsonNode healthCheck, JsonNode templateRef, ObjectNode machine) {
        if (external.requested(templateRef, machine)) {
            return;
        }
        Optional<ObjectNode> template = external.template(templateRef, namespace(healthCheck));
        if (template.isEmpty()) {
            TreeConditions.set(machine, MachineConditions.MachineExternallyRemediatedCondition, Conditions.FALSE,
                    MachineConditions.MachineExternallyRemediatedRemediationTemplateNotFoundReason,
                    "Error retrieving remediation template " + templateRef.path("kind").asText() + " "
                            + namespace(healthCheck) + "/" + templateRef.path("name").asText());
            throw new IllegalStateException("error retrieving remediation template " + templateRef.path("kind").asText()
                    + " " + namespace(healthCheck) + "/" + templateRef.path("name").asText() + " for Machine "
                    + namespace(machine) + "/" + name(machine) + ": not found");
        }
        try {
            external.create(templateRef, template.get(), machine);
        } catch (RuntimeException e) {
            TreeConditions.set(machine, MachineConditions.MachineExternallyRemediatedCondition, Conditions.FALSE,
                    MachineConditions.MachineExternallyRemediatedRemediationRequestCreationFailedReason,
                    "Please check controller logs for errors");
            throw e;
        }
        TreeConditions.set(machine, MachineConditions.MachineExternallyRemediatedCondition, Conditions.FALSE,
                MachineConditions.MachineExternallyRemediatedWaitingForRemediationReason, "");
    }

    /** The owner's condition is only (re)armed when absent or True: False means its remediation is under way. */
    private static void requestOwnerRemediation(ObjectNode machine) {
        Optional<Condition> owner = MachineView.of(machine).status()
                .condition(MachineConditions.MachineOwnerRemediatedCondition);
        if (owner.isEmpty() || owner.get().isTrue()) {
            TreeConditions.set(machine, MachineConditions.MachineOwnerRemediatedCondition, Conditions.FALSE,
                    MachineConditions.MachineOwnerRemediatedWaitingForRemediationReason, "Waiting for remediation");
        }
    }

    private static void setHealthCheckSucceeded(ObjectNode machine, Verdict verdict) {
        if (verdict.isHealthy()) {
            TreeConditions.set(machine, MachineConditions.MachineHealthCheckSucceededCondition, Conditions.TRUE,
                    MachineConditions.MachineHealthCheckSucceededReason, "");
        } else if (verdict.isUnhealthy()) {
            TreeConditions.set(machine, MachineConditions.MachineHealthCheckSucceededCondition, Conditions.FALSE,
                    verdict.reason(), verdict.message());
        }
    }

    private static String namespace(JsonNode object) {
        return object.at("/metadata/namespace").asText();
    }

    private static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }
}
