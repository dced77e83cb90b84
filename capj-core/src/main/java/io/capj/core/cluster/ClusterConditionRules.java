package io.capj.core.cluster;

import static io.capj.api.core.v1beta2.ClusterConditions.ClusterAvailableCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterAvailableReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterAvailableUnknownReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneAvailableCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneAvailableReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneDeletedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneDoesNotExistReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneInitializedCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneInitializedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneInternalErrorReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneInvalidConditionReportedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneNotAvailableReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterControlPlaneNotInitializedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterDeletingCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureDeletedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureDoesNotExistReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureInternalErrorReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureInvalidConditionReportedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureNotReadyReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureReadyCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterInfrastructureReadyReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterNotAvailableReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterNotDeletingReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterTopologyReconciledCondition;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterWorkersAvailableCondition;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.contract.ContractException;
import io.capj.contract.ControlPlaneContract;
import io.capj.contract.InfraClusterContract;
import io.capj.runtime.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Cluster's v1beta2 conditions as pure functions of what a pass observed (upstream's
 * {@code cluster_controller_status.go}): InfrastructureReady and ControlPlaneAvailable mirror the provider
 * objects' Ready and Available conditions (falling back to their provisioned / initialized flags),
 * ControlPlaneInitialized, Deleting carries the deletion step, and Available summarises them (the aggregate
 * conditions are in {@link ClusterAggregateConditions}).
 */
final class ClusterConditionRules {
    static final String NO_REASON_REPORTED = "NoReasonReported";
    private static final String CHECK_LOGS = "Please check controller logs for errors";

    private ClusterConditionRules() {
    }

    static Condition infrastructureReady(ClusterScope s) {
        ClusterView cluster = s.view();
        Optional<ContractRef> ref = cluster.spec().infrastructureRef();
        if (ref.isEmpty()) {
            if (cluster.spec().hasTopology()) {
                return Conditions.of(ClusterInfrastructureReadyCondition, Conditions.FALSE,
                        ClusterInfrastructureDoesNotExistReason, waitingForTopology(s));
            }
            // Without an infrastructure object there is nothing to wait for: provisioned at once.
            return Conditions.of(ClusterInfrastructureReadyCondition, Conditions.TRUE,
                    ClusterInfrastructureReadyReason, "");
        }
        String kind = ref.get().kind();
        boolean provisioned = cluster.status().infrastructureProvisioned();
        if (s.infraCluster != null) {
            List<io.capj.contract.Condition> reported;
            try {
                reported = InfraClusterContract.forContract(s.infraKind.contract()).conditions().get(s.infraCluster)
                        .orElse(List.of());
            } catch (ContractException e) {
                return Conditions.of(ClusterInfrastructureReadyCondition, Conditions.UNKNOWN,
                        ClusterInfrastructureInvalidConditionReportedReason, e.getMessage());
            }
            return mirror(io.capj.contract.Condition.find(reported, InfraClusterContract.READY_CONDITION),
                    ClusterInfrastructureReadyCondition, provisioned, ClusterInfrastructureReadyReason,
                    ClusterInfrastructureNotReadyReason, ClusterInfrastructureInvalidConditionReportedReason,
                    provisioned ? "" : kind + " status.initialization.provisioned is false");
        }
        return missingObject(s, ClusterInfrastructureReadyCondition, kind, s.infraClusterNotFound, provisioned,
                ClusterInfrastructureInternalErrorReason, ClusterInfrastructureDeletedReason,
                ClusterInfrastructureDoesNotExistReason);
    }

    static Condition controlPlaneAvailable(ClusterScope s) {
        ClusterView cluster = s.view();
        Optional<ContractRef> ref = cluster.spec().controlPlaneRef();
        if (ref.isEmpty()) {
            if (cluster.spec().hasTopology()) {
                return Conditions.of(ClusterControlPlaneAvailableCondition, Conditions.FALSE,
                        ClusterControlPlaneDoesNotExistReason, waitingForTopology(s));
            }
            boolean initialized = cluster.status().controlPlaneInitialized();
            return Conditions.of(ClusterControlPlaneAvailableCondition, status(initialized),
                    initialized ? ClusterControlPlaneAvailableReason : ClusterControlPlaneNotAvailableReason,
                    initialized ? "" : "Control plane not yet initialized");
        }
        String kind = ref.get().kind();
        boolean initialized = cluster.status().controlPlaneInitialized();
        if (s.controlPlane != null) {
            List<io.capj.contract.Condition> reported;
            try {
                reported = ControlPlaneContract.forContract(s.controlPlaneKind.contract()).conditions()
                        .get(s.controlPlane).orElse(List.of());
            } catch (ContractException e) {
                return Conditions.of(ClusterControlPlaneAvailableCondition, Conditions.UNKNOWN,
                        ClusterControlPlaneInvalidConditionReportedReason, e.getMessage());
            }
            return mirror(io.capj.contract.Condition.find(reported, ControlPlaneContract.AVAILABLE_CONDITION),
                    ClusterControlPlaneAvailableCondition, initialized, ClusterControlPlaneAvailableReason,
                    ClusterControlPlaneNotAvailableReason, ClusterControlPlaneInvalidConditionReportedReason,
                    initialized ? "" : kind + " status.initialization.controlPlaneInitialized is false");
        }
        return missingObject(s, ClusterControlPlaneAvailableCondition, kind, s.controlPlaneNotFound, initialized,
                ClusterControlPlaneInternalErrorReason, ClusterControlPlaneDeletedReason,
                ClusterControlPlaneDoesNotExistReason);
    }

    /**
     * ControlPlaneInitialized, empty when it is already True (it never goes back). With a control plane object
     * it follows the object's initialized flag; without one, the first control-plane Machine with a nodeRef.
     */
    static Optional<Condition> controlPlaneInitialized(ClusterScope s) {
        if (Conditions.isTrue(s.conditions, ClusterControlPlaneInitializedCondition)) {
            return Optional.empty();
        }
        ClusterView cluster = s.view();
        Optional<ContractRef> ref = cluster.spec().controlPlaneRef();
        if (ref.isEmpty() && cluster.spec().hasTopology()) {
            return Optional.of(Conditions.of(ClusterControlPlaneInitializedCondition, Conditions.UNKNOWN,
                    ClusterControlPlaneDoesNotExistReason, waitingForTopology(s)));
        }
        boolean initialized;
        if (ref.isPresent()) {
            if (s.controlPlane == null) {
                return Optional.of(s.controlPlaneNotFound
                        ? Conditions.of(ClusterControlPlaneInitializedCondition, Conditions.UNKNOWN,
                                ClusterControlPlaneDoesNotExistReason, ref.get().kind() + " does not exist")
                        : internalError(ClusterControlPlaneInitializedCondition));
            }
            initialized = ControlPlaneContract.forContract(s.controlPlaneKind.contract()).initialized()
                    .get(s.controlPlane).orElse(false);
        } else {
            if (s.descendants == null) {
                return Optional.of(internalError(ClusterControlPlaneInitializedCondition));
            }
            initialized = s.descendants.controlPlaneMachines().stream()
                    .anyMatch(m -> !m.at("/status/nodeRef/name").asText().isEmpty());
        }
        if (initialized) {
            return Optional.of(Conditions.of(ClusterControlPlaneInitializedCondition, Conditions.TRUE,
                    ClusterControlPlaneInitializedReason, ""));
        }
        return Optional.of(Conditions.of(ClusterControlPlaneInitializedCondition, Conditions.FALSE,
                ClusterControlPlaneNotInitializedReason, ref.isPresent() ? "Control plane not yet initialized"
                        : "Waiting for the first control plane machine to have status.nodeRef set"));
    }

    static Condition deleting(ClusterScope s) {
        if (!s.deleting()) {
            return Conditions.of(ClusterDeletingCondition, Conditions.FALSE, ClusterNotDeletingReason, "");
        }
        return Conditions.of(ClusterDeletingCondition, Conditions.TRUE, s.deletingReason, s.deletingMessage);
    }

    /**
     * Available: a summary of Deleting (negative polarity), InfrastructureReady, ControlPlaneAvailable,
     * WorkersAvailable, TopologyReconciled (with a topology, or when reported) and the Cluster's
     * availabilityGates. While deleting, a provider object reported deleted or missing is not held against it.
     */
    static Condition available(ClusterScope s) {
        List<String> sources = new ArrayList<>(List.of(ClusterDeletingCondition,
                ClusterInfrastructureReadyCondition, ClusterControlPlaneAvailableCondition,
                ClusterWorkersAvailableCondition));
        if (s.view().spec().hasTopology()
                || Conditions.get(s.conditions, ClusterTopologyReconciledCondition).isPresent()) {
            sources.add(ClusterTopologyReconciledCondition);
        }
        Set<String> negative = new HashSet<>(Set.of(ClusterDeletingCondition));
        for (JsonNode gate : s.cluster.at("/spec/availabilityGates")) {
            String type = gate.path("conditionType").asText();
            sources.add(type);
            if ("Negative".equals(gate.path("polarity").asText())) {
                negative.add(type);
            }
        }
        if (s.deleting()) {
            sources.removeIf(type -> goneWhileDeleting(s.conditions, type));
        }
        Condition summary = Conditions.summary(ClusterAvailableCondition, s.conditions, sources, negative);
        summary.setReason(switch (summary.getStatus()) {
            case Conditions.TRUE -> ClusterAvailableReason;
            case Conditions.FALSE -> ClusterNotAvailableReason;
            default -> ClusterAvailableUnknownReason;
        });
        return summary;
    }

    /**
     * A mirror of a provider condition, or the fallback from the provider's flag when it reports none. A
     * status other than True/False/Unknown is reported as invalid.
     */
    static Condition mirror(Optional<io.capj.contract.Condition> source, String targetType, boolean fallback,
            String trueReason, String falseReason, String invalidReason, String fallbackMessage) {
        if (source.isEmpty()) {
            return Conditions.of(targetType, status(fallback), fallback ? trueReason : falseReason,
                    fallbackMessage);
        }
        io.capj.contract.Condition c = source.get();
        String status = c.status() == null ? "" : c.status();
        if (!Set.of(Conditions.TRUE, Conditions.FALSE, Conditions.UNKNOWN).contains(status)) {
            return Conditions.of(targetType, Conditions.UNKNOWN, invalidReason,
                    "condition " + c.type() + " has invalid status " + status);
        }
        String reason = c.reason() == null || c.reason().isEmpty() ? NO_REASON_REPORTED : c.reason();
        if (NO_REASON_REPORTED.equals(reason) && Conditions.TRUE.equals(status)) {
            reason = trueReason;
        }
        return Conditions.of(targetType, status, reason, c.message());
    }

    /** The condition about a referenced provider object that was not read. */
    private static Condition missingObject(ClusterScope s, String type, String kind, boolean notFound,
            boolean reliedOn, String internalErrorReason, String deletedReason, String doesNotExistReason) {
        if (!notFound) {
            return Conditions.of(type, Conditions.UNKNOWN, internalErrorReason, CHECK_LOGS);
        }
        if (s.deleting()) {
            return reliedOn ? Conditions.of(type, Conditions.FALSE, deletedReason, kind + " has been deleted")
                    : Conditions.of(type, Conditions.FALSE, doesNotExistReason, kind + " does not exist");
        }
        if (reliedOn) {
            return Conditions.of(type, Conditions.FALSE, deletedReason,
                    kind + " has been deleted while the cluster still exists");
        }
        return Conditions.of(type, Conditions.FALSE, doesNotExistReason, kind + " does not exist");
    }

    private static boolean goneWhileDeleting(List<Condition> conditions, String type) {
        if (!type.equals(ClusterInfrastructureReadyCondition) && !type.equals(ClusterControlPlaneAvailableCondition)) {
            return false;
        }
        return Conditions.get(conditions, type).map(Condition::getReason)
                .filter(r -> r.equals(CommonConditions.ObjectDeletedReason)
                        || r.equals(CommonConditions.ObjectDoesNotExistReason)).isPresent();
    }

    private static Condition internalError(String type) {
        return Conditions.of(type, Conditions.UNKNOWN, CommonConditions.InternalErrorReason, CHECK_LOGS);
    }

    private static String status(boolean value) {
        return value ? Conditions.TRUE : Conditions.FALSE;
    }

    private static String waitingForTopology(ClusterScope s) {
        return s.deleting() ? "" : "Waiting for cluster topology to be reconciled";
    }

}
