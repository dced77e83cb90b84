package io.capj.core.cluster;

import static io.capj.api.core.v1beta2.ClusterConditions.ClusterDeletingDeletionCompletedReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterDeletingInternalErrorReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterDeletingWaitingForControlPlaneDeletionReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterDeletingWaitingForInfrastructureDeletionReason;
import static io.capj.api.core.v1beta2.ClusterConditions.ClusterDeletingWaitingForWorkersDeletionReason;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a Cluster in upstream's order: first its MachineDeployments, MachineSets and worker Machines (and
 * control-plane Machines when no control plane object manages them), waiting until all are gone; then the
 * control plane object, waiting for it; then the infrastructure cluster, waiting for it; then it removes the
 * Cluster's finalizer. Each wait is recorded as the Deleting condition's reason and message.
 */
final class ClusterDeletion {
    /** How often to look again while descendants are going away (upstream's deleteRequeueAfter). */
    static final Duration DELETE_REQUEUE_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDeletion.class);
    private static final String CHECK_LOGS = "Please check controller logs for errors";

    private final KubernetesClient client;
    private final ExternalObjects externals;
    private final EventRecorder events;

    ClusterDeletion(KubernetesClient client, ExternalObjects externals, EventRecorder events) {
        this.client = client;
        this.externals = externals;
        this.events = events;
    }

    Result reconcileDelete(ClusterScope s) {
        if (s.descendants == null) {
            s.deleting(ClusterDeletingInternalErrorReason, CHECK_LOGS);
            return Result.done();
        }
        boolean hasControlPlaneRef = s.view().spec().controlPlaneRef().isPresent();
        deleteChildren(s, s.descendants.ownedChildren(s.name(), hasControlPlaneRef));
        List<String> pending = s.descendants.pendingDeletion(hasControlPlaneRef);
        if (!pending.isEmpty()) {
            LOG.info("Cluster still has descendants, requeuing Cluster={} descendants={}", s.key(),
                    String.join("; ", pending));
            s.deleting(ClusterDeletingWaitingForWorkersDeletionReason,
                    String.join("\n", pending.stream().map(line -> "* " + line).toList()));
            return Result.requeueAfter(DELETE_REQUEUE_AFTER);
        }
        Optional<Result> waitingForControlPlane = deleteReferenced(s, s.view().spec().controlPlaneRef(),
                s.controlPlaneKind, s.controlPlane, s.controlPlaneNotFound,
                ClusterDeletingWaitingForControlPlaneDeletionReason);
        if (waitingForControlPlane.isPresent()) {
            return waitingForControlPlane.get();
        }
        Optional<Result> waitingForInfrastructure = deleteReferenced(s, s.view().spec().infrastructureRef(),
                s.infraKind, s.infraCluster, s.infraClusterNotFound,
                ClusterDeletingWaitingForInfrastructureDeletionReason);
        if (waitingForInfrastructure.isPresent()) {
            return waitingForInfrastructure.get();
        }
        s.deleting(ClusterDeletingDeletionCompletedReason, "Deletion completed");
        List<String> finalizers = new ArrayList<>(ObjectMeta.finalizers(s.cluster));
        if (finalizers.remove(CoreFinalizers.ClusterFinalizer)) {
            ObjectMeta.setFinalizers(s.cluster, finalizers);
            s.finalizerRemoved = true;
            events.normal(s.cluster, "Deleted", "Cluster " + s.name() + " has been deleted");
        }
        return Result.done();
    }

    /** Deletes the children that are not deleting yet; failures are collected and thrown together. */
    private void deleteChildren(ClusterScope s, List<ClusterDescendants.Child> children) {
        RuntimeException failure = null;
        for (ClusterDescendants.Child child : children) {
            if (ObjectMeta.isDeleting(child.object())) {
                continue;
            }
            LOG.info("deleting child object Cluster={} {}={}", s.key(), child.kind().kind(), child.name());
            try {
                client.genericKubernetesResources(child.kind().definitionContext()).inNamespace(s.namespace())
                        .withName(child.name()).delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    continue;
                }
                RuntimeException error = new IllegalStateException("failed to delete " + child.kind().kind() + " "
                        + s.namespace() + "/" + child.name() + " of Cluster " + s.key() + ": " + e.getMessage(), e);
                if (failure == null) {
                    failure = error;
                } else {
                    failure.addSuppressed(error);
                }
            }
        }
        if (failure != null) {
            s.deleting(ClusterDeletingInternalErrorReason, CHECK_LOGS);
            throw failure;
        }
    }

    /**
     * Deletes a referenced object and reports the wait, or nothing when there is no reference or the object is
     * gone. An object that could not be read (neither found nor known missing) blocks deletion.
     */
    private Optional<Result> deleteReferenced(ClusterScope s, Optional<ContractRef> ref, ExternalKind kind,
            ObjectNode object, boolean notFound, String waitingReason) {
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (object == null) {
            if (notFound) {
                return Optional.empty();
            }
            s.deleting(ClusterDeletingInternalErrorReason, CHECK_LOGS);
            return Optional.of(Result.done());
        }
        if (!ObjectMeta.isDeleting(object)) {
            LOG.info("deleting referenced object Cluster={} {}={}", s.key(), ref.get().kind(), ref.get().name());
            externals.delete(kind, s.namespace(), ref.get().name());
        }
        LOG.info("Cluster waits for referenced object deletion Cluster={} {}={}", s.key(), ref.get().kind(),
                ref.get().name());
        s.deleting(waitingReason, "Waiting for " + ref.get().kind() + " to be deleted");
        return Optional.of(Result.requeueAfter(DELETE_REQUEUE_AFTER));
    }
}
