package io.capj.core.cluster;

import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesNotReadyReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesNotUpToDateReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesReadyCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesReadyNoReplicasReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesReadyReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesReadyUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesUpToDateCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesUpToDateNoReplicasReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesUpToDateReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneMachinesUpToDateUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterNotRemediatingReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterNotRollingOutReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterNotScalingDownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterNotScalingUpReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterRemediatingCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterRemediatingReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterRollingOutCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterRollingOutReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterRollingOutUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterScalingDownCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterScalingDownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterScalingDownUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterScalingUpCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterScalingUpReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterScalingUpUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesNotReadyReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesNotUpToDateReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesReadyCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesReadyNoReplicasReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesReadyReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesReadyUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesUpToDateCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesUpToDateNoReplicasReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesUpToDateReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkerMachinesUpToDateUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkersAvailableCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkersAvailableNoWorkersReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkersAvailableReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkersAvailableUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkersNotAvailableReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.apimachinery.ObjectMeta;
import io.capj.contract.ControlPlaneContract;
import io.capj.runtime.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Cluster conditions that aggregate what its workers and control plane report: WorkersAvailable,
 * {ControlPlane,Worker}Machines{Ready,UpToDate}, RollingOut, ScalingUp, ScalingDown and Remediating (upstream's
 * {@code cluster_controller_status.go}). Pure functions of the pass's scope.
 */
final class ClusterAggregateConditions {
    /** New Machines get this long to report UpToDate before they count, so the condition does not flicker. */
    static final Duration UP_TO_DATE_GRACE = Duration.ofSeconds(10);
    private static final String MACHINE = "Machine";
    private static final String MACHINE_DEPLOYMENT = "MachineDeployment";
    private static final String MACHINE_SET = "MachineSet";

    private ClusterAggregateConditions() {
    }

    /** WorkersAvailable: True without workers, else the aggregate of the MachineDeployments' Available. */
    static io.fabric8.kubernetes.api.model.Condition workersAvailable(ClusterScope s) {
        if (s.descendants == null) {
            return internalError(ClusterWorkersAvailableCondition);
        }
        if (s.descendants.machineDeployments().isEmpty()) {
            return Conditions.of(ClusterWorkersAvailableCondition, Conditions.TRUE,
                    ClusterWorkersAvailableNoWorkersReason, "");
        }
        return ConditionAggregation.aggregate(ClusterWorkersAvailableCondition, CommonConditions.AvailableCondition,
                members(MACHINE_DEPLOYMENT, s.descendants.machineDeployments(), CommonConditions.AvailableCondition),
                false, new ConditionAggregation.Reasons(ClusterWorkersNotAvailableReason,
                        ClusterWorkersAvailableUnknownReason, ClusterWorkersAvailableReason));
    }

    static io.fabric8.kubernetes.api.model.Condition controlPlaneMachinesReady(ClusterScope s) {
        return machines(s, ClusterControlPlaneMachinesReadyCondition, MachineConditions.MachineReadyCondition,
                controlPlaneMachines(s), ClusterControlPlaneMachinesReadyNoReplicasReason,
                new ConditionAggregation.Reasons(ClusterControlPlaneMachinesNotReadyReason,
                        ClusterControlPlaneMachinesReadyUnknownReason, ClusterControlPlaneMachinesReadyReason));
    }

    static io.fabric8.kubernetes.api.model.Condition workerMachinesReady(ClusterScope s) {
        return machines(s, ClusterWorkerMachinesReadyCondition, MachineConditions.MachineReadyCondition,
                workerMachines(s), ClusterWorkerMachinesReadyNoReplicasReason,
                new ConditionAggregation.Reasons(ClusterWorkerMachinesNotReadyReason,
                        ClusterWorkerMachinesReadyUnknownReason, ClusterWorkerMachinesReadyReason));
    }

    static io.fabric8.kubernetes.api.model.Condition controlPlaneMachinesUpToDate(ClusterScope s, Instant now) {
        return machines(s, ClusterControlPlaneMachinesUpToDateCondition, MachineConditions.MachineUpToDateCondition,
                settled(controlPlaneMachines(s), now), ClusterControlPlaneMachinesUpToDateNoReplicasReason,
                new ConditionAggregation.Reasons(ClusterControlPlaneMachinesNotUpToDateReason,
                        ClusterControlPlaneMachinesUpToDateUnknownReason, ClusterControlPlaneMachinesUpToDateReason));
    }

    static io.fabric8.kubernetes.api.model.Condition workerMachinesUpToDate(ClusterScope s, Instant now) {
        return machines(s, ClusterWorkerMachinesUpToDateCondition, MachineConditions.MachineUpToDateCondition,
                settled(workerMachines(s), now), ClusterWorkerMachinesUpToDateNoReplicasReason,
                new ConditionAggregation.Reasons(ClusterWorkerMachinesNotUpToDateReason,
                        ClusterWorkerMachinesUpToDateUnknownReason, ClusterWorkerMachinesUpToDateReason));
    }

    /** RollingOut: the control plane (when it reports it) and MachineDeployments; negative polarity. */
    static io.fabric8.kubernetes.api.model.Condition rollingOut(ClusterScope s) {
        return rollout(s, ClusterRollingOutCondition, CommonConditions.RollingOutCondition, false,
                new ConditionAggregation.Reasons(ClusterRollingOutReason, ClusterRollingOutUnknownReason,
                        ClusterNotRollingOutReason));
    }

    /** ScalingUp: the control plane (when it reports it), MachineDeployments and owned MachineSets. */
    static io.fabric8.kubernetes.api.model.Condition scalingUp(ClusterScope s) {
        return rollout(s, ClusterScalingUpCondition, CommonConditions.ScalingUpCondition, true,
                new ConditionAggregation.Reasons(ClusterScalingUpReason, ClusterScalingUpUnknownReason,
                        ClusterNotScalingUpReason));
    }

    /** ScalingDown: the control plane (when it reports it), MachineDeployments and owned MachineSets. */
    static io.fabric8.kubernetes.api.model.Condition scalingDown(ClusterScope s) {
        return rollout(s, ClusterScalingDownCondition, CommonConditions.ScalingDownCondition, true,
                new ConditionAggregation.Reasons(ClusterScalingDownReason, ClusterScalingDownUnknownReason,
                        ClusterNotScalingDownReason));
    }

    /**
     * Remediating: True while some Machine failed its health check and awaits its owner's remediation (with
     * their OwnerRemediated messages); otherwise False, naming unhealthy Machines that will not be remediated.
     */
    static io.fabric8.kubernetes.api.model.Condition remediating(ClusterScope s) {
        if (s.descendants == null) {
            return internalError(ClusterRemediatingCondition);
        }
        List<ObjectNode> machines = Stream.concat(s.descendants.controlPlaneMachines().stream(),
                workerMachines(s).stream()).toList();
        List<ObjectNode> unhealthy = machines.stream()
                .filter(m -> isFalse(m, MachineConditions.MachineHealthCheckSucceededCondition)).toList();
        List<ObjectNode> toRemediate = unhealthy.stream()
                .filter(m -> isFalse(m, MachineConditions.MachineOwnerRemediatedCondition)).toList();
        if (toRemediate.isEmpty()) {
            return Conditions.of(ClusterRemediatingCondition, Conditions.FALSE, ClusterNotRemediatingReason,
                    notRemediatedMessage(unhealthy));
        }
        io.fabric8.kubernetes.api.model.Condition aggregate = ConditionAggregation.aggregate(
                ClusterRemediatingCondition, MachineConditions.MachineOwnerRemediatedCondition,
                members(MACHINE, toRemediate, MachineConditions.MachineOwnerRemediatedCondition), false,
                new ConditionAggregation.Reasons(ClusterRemediatingReason, ClusterRemediatingReason,
                        ClusterRemediatingReason));
        return Conditions.of(ClusterRemediatingCondition, Conditions.TRUE, ClusterRemediatingReason,
                aggregate.getMessage());
    }

    private static io.fabric8.kubernetes.api.model.Condition machines(ClusterScope s, String targetType,
            String sourceType, List<ObjectNode> machines, String noReplicasReason,
            ConditionAggregation.Reasons reasons) {
        if (s.descendants == null) {
            return internalError(targetType);
        }
        if (machines.isEmpty()) {
            return Conditions.of(targetType, Conditions.TRUE, noReplicasReason, "");
        }
        return ConditionAggregation.aggregate(targetType, sourceType, members(MACHINE, machines, sourceType), false,
                reasons);
    }

    private static io.fabric8.kubernetes.api.model.Condition rollout(ClusterScope s, String targetType,
            String sourceType, boolean withMachineSets, ConditionAggregation.Reasons reasons) {
        boolean controlPlaneUnreadable = s.view().spec().controlPlaneRef().isPresent() && s.controlPlane == null
                && !s.controlPlaneNotFound;
        if (controlPlaneUnreadable || s.descendants == null) {
            return internalError(targetType);
        }
        List<ConditionAggregation.Member> members = new ArrayList<>();
        controlPlaneCondition(s, sourceType).ifPresent(c -> members.add(
                new ConditionAggregation.Member(s.controlPlaneKind.kind().kind(), ObjectMeta.name(s.controlPlane),
                        Optional.of(c))));
        members.addAll(members(MACHINE_DEPLOYMENT, s.descendants.machineDeployments(), sourceType));
        if (withMachineSets) {
            members.addAll(members(MACHINE_SET, s.descendants.machineSets().stream()
                    .filter(ms -> ClusterOwnership.isOwnedBy(ms, s.name())).toList(), sourceType));
        }
        if (members.isEmpty()) {
            return Conditions.of(targetType, Conditions.FALSE, reasons.info(), "");
        }
        return ConditionAggregation.aggregate(targetType, sourceType, members, true, reasons);
    }

    /** The control plane's condition of {@code type}; a control plane need not report one. */
    private static Optional<Condition> controlPlaneCondition(ClusterScope s, String type) {
        if (s.controlPlane == null) {
            return Optional.empty();
        }
        return ControlPlaneContract.forContract(s.controlPlaneKind.contract()).conditions().get(s.controlPlane)
                .flatMap(list -> io.capj.contract.Condition.find(list, type))
                .map(c -> new Condition(c.type(), c.status(), c.reason(), c.message(), c.lastTransitionTime(),
                        c.observedGeneration() == null ? 0 : c.observedGeneration()));
    }

    private static List<ConditionAggregation.Member> members(String kind, List<ObjectNode> objects, String type) {
        return objects.stream().map(o -> new ConditionAggregation.Member(kind, ObjectMeta.name(o),
                Condition.find(o.path("status"), type))).toList();
    }

    private static List<ObjectNode> controlPlaneMachines(ClusterScope s) {
        return s.descendants == null ? List.of() : s.descendants.controlPlaneMachines();
    }

    /** Worker Machines, without MachinePool Machines (which report no conditions of their own yet). */
    private static List<ObjectNode> workerMachines(ClusterScope s) {
        return s.descendants == null ? List.of() : s.descendants.workerMachines().stream()
                .filter(m -> !ObjectMeta.labels(m).containsKey(CoreLabels.MachinePoolNameLabel)).toList();
    }

    /** Machines that report UpToDate or are older than the grace period. */
    private static List<ObjectNode> settled(List<ObjectNode> machines, Instant now) {
        return machines.stream().filter(m -> Condition.find(m.path("status"), MachineConditions.MachineUpToDateCondition)
                .isPresent() || createdBefore(m, now.minus(UP_TO_DATE_GRACE))).toList();
    }

    private static boolean createdBefore(JsonNode object, Instant instant) {
        try {
            return Instant.parse(ObjectMeta.text(object, "creationTimestamp")).isBefore(instant);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static boolean isFalse(JsonNode object, String type) {
        return Condition.find(object.path("status"), type).map(c -> Conditions.FALSE.equals(c.status()))
                .orElse(false);
    }

    private static String notRemediatedMessage(List<ObjectNode> unhealthy) {
        if (unhealthy.isEmpty()) {
            return "";
        }
        List<String> names = unhealthy.stream().map(ObjectMeta::name).sorted().toList();
        return (names.size() == 1 ? "Machine " : "Machines ") + NameLists.shortList(names, 3)
                + (names.size() == 1 ? " is" : " are") + " not healthy (not to be remediated)";
    }

    private static io.fabric8.kubernetes.api.model.Condition internalError(String type) {
        return Conditions.of(type, Conditions.UNKNOWN, CommonConditions.InternalErrorReason,
                "Please check controller logs for errors");
    }
}
