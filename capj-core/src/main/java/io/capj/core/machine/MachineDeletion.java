package io.capj.core.machine;

import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingDeletingNodeReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingDeletionCompletedReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingDrainingNodeReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingInternalErrorReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingWaitingForBootstrapDeletionReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingWaitingForInfrastructureDeletionReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingWaitingForPreDrainHookReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingWaitingForPreTerminateHookReason;
import static io.capj.api.core.v1beta2.MachineConditions.MachineDeletingWaitingForVolumeDetachReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.contract.ControlPlaneContract;
import io.capj.core.CoreKinds;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Cache;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delete pipeline, in upstream's order: decide whether the Node may be deleted, wait for pre-drain hooks,
 * cordon and drain, wait for volumes to detach, wait for pre-terminate hooks, delete the InfrastructureMachine
 * and then the BootstrapConfig (waiting for each to go), delete the Node, remove the finalizer. Each wait sets
 * the Deleting condition's reason and message and stamps its {@code status.deletion.*StartTime} once; each step
 * returns as soon as it has to wait, and the next pass (woken by the hook annotation, the provider object's
 * deletion or a requeue) continues where it stopped.
 */
final class MachineDeletion {
    private static final Logger LOG = LoggerFactory.getLogger(MachineDeletion.class);
    static final Duration VOLUME_DETACH_RETRY_INTERVAL = Duration.ofSeconds(20);
    static final Duration NODE_DELETION_RETRY_INTERVAL = Duration.ofSeconds(2);
    private static final int DEFAULT_NODE_DELETION_TIMEOUT_SECONDS = 10;

    private final ExternalObjects external;
    private final Cache cache;
    private final RemoteClusters remotes;
    private final EventRecorder events;
    private final NodeDrain drain;

    MachineDeletion(ExternalObjects external, Cache cache, RemoteClusters remotes, EventRecorder events,
            NodeDrain drain) {
        this.external = external;
        this.cache = cache;
        this.remotes = remotes;
        this.events = events;
        this.drain = drain;
    }

    Result reconcileDelete(MachineScope s) {
        s.deletingReason = MachineDeletingReason;
        s.deletingMessage = "Deletion started";
        Optional<String> nodeDeletionBlocker = nodeDeletionBlocker(s);
        nodeDeletionBlocker.ifPresent(cause -> LOG.info("skipping deletion of the Node as it is not allowed "
                + "Machine={} Node={} cause={}", s.request, s.view().status().nodeName().orElse(""), cause));
        if (nodeDeletionBlocker.isEmpty()) {
            Optional<Result> waitBeforeTerminate = drainAndDetach(s);
            if (waitBeforeTerminate.isPresent()) {
                return waitBeforeTerminate.get();
            }
        }
        List<String> preTerminateHooks = hooks(s, CoreAnnotations.PreTerminateDeleteHookAnnotationPrefix);
        if (!preTerminateHooks.isEmpty()) {
            stampOnce(s, "waitForPreTerminateHookStartTime");
            LOG.info("waiting for pre-terminate hooks to succeed Machine={} hooks={}", s.request, preTerminateHooks);
            s.deletingReason = MachineDeletingWaitingForPreTerminateHookReason;
            s.deletingMessage = "Waiting for pre-terminate hooks to succeed (hooks: " + String.join(",", preTerminateHooks)
                    + ")";
            return Result.done();
        }
        Optional<ContractRef> infraRef = s.view().spec().infrastructureRef();
        if (!deleteAndCheckGone(s, s.infraMachine, s.infraMachineNotFound, s.infraKind, infraRef)) {
            s.deletingReason = MachineDeletingWaitingForInfrastructureDeletionReason;
            s.deletingMessage = "Waiting for " + infraRef.map(ContractRef::kind).orElse("InfrastructureMachine")
                    + " to be deleted";
            return Result.done();
        }
        Optional<ContractRef> bootstrapRef = s.view().spec().bootstrapConfigRef();
        if (bootstrapRef.isPresent()
                && !deleteAndCheckGone(s, s.bootstrapConfig, s.bootstrapConfigNotFound, s.bootstrapKind, bootstrapRef)) {
            s.deletingReason = MachineDeletingWaitingForBootstrapDeletionReason;
            s.deletingMessage = "Waiting for " + bootstrapRef.get().kind() + " to be deleted";
            return Result.done();
        }
        if (nodeDeletionBlocker.isEmpty()) {
            Optional<Result> retry = deleteNode(s);
            if (retry.isPresent()) {
                return retry.get();
            }
        }
        s.deletingReason = MachineDeletingDeletionCompletedReason;
        s.deletingMessage = "Deletion completed";
        removeFinalizer(s.machine);
        return Result.done();
    }

    /** Steps 2-4: pre-drain hooks, drain, volume detach. Present when the pipeline has to wait. */
    private Optional<Result> drainAndDetach(MachineScope s) {
        List<String> preDrainHooks = hooks(s, CoreAnnotations.PreDrainDeleteHookAnnotationPrefix);
        if (!preDrainHooks.isEmpty()) {
            stampOnce(s, "waitForPreDrainHookStartTime");
            LOG.info("waiting for pre-drain hooks to succeed Machine={} hooks={}", s.request, preDrainHooks);
            s.deletingReason = MachineDeletingWaitingForPreDrainHookReason;
            s.deletingMessage = "Waiting for pre-drain hooks to succeed (hooks: " + String.join(",", preDrainHooks) + ")";
            return Optional.of(Result.done());
        }
        String nodeName = s.view().status().nodeName().orElse("");
        if (drainAllowed(s)) {
            String started = stampOnce(s, "nodeDrainStartTime");
            s.deletingReason = MachineDeletingDrainingNodeReason;
            s.deletingMessage = "Drain not completed yet (started at " + started + "):";
            Result result;
            try {
                result = drain.drain(s, started);
            } catch (RuntimeException e) {
                s.deletingMessage = "Error draining Node, please check controller logs for errors";
                events.warning(s.machine, "FailedDrainNode", "error draining Machine's node \"" + nodeName + "\": "
                        + e.getMessage());
                throw e;
            }
            if (!result.isDone()) {
                return Optional.of(result);
            }
            events.normal(s.machine, "SuccessfulDrainNode", "success draining Machine's node \"" + nodeName + "\"");
        }
        if (volumeDetachAllowed(s)) {
            String started = stampOnce(s, "waitForNodeVolumeDetachStartTime");
            s.deletingReason = MachineDeletingWaitingForVolumeDetachReason;
            s.deletingMessage = "Waiting for Node volumes to be detached (started at " + started + ")";
            Optional<Result> wait = waitForVolumes(s, nodeName, started);
            if (wait.isPresent()) {
                return wait;
            }
            events.normal(s.machine, "NodeVolumesDetached", "success waiting for node volumes detaching Machine's node \""
                    + nodeName + "\"");
        }
        return Optional.empty();
    }

    /**
     * Why the Node must not be deleted (nor drained): the Cluster or its control plane is going away, there is
     * no Node, or no control plane Machine would be left. Empty when deletion is allowed.
     */
    Optional<String> nodeDeletionBlocker(MachineScope s) {
        if (MachineScope.isDeleting(s.cluster)) {
            return Optional.of("cluster is being deleted");
        }
        if (s.view().status().nodeName().isEmpty()) {
            return Optional.of("noderef is nil");
        }
        Optional<ContractRef> cpRef = s.clusterView().spec().controlPlaneRef();
        if (cpRef.isPresent()) {
            ExternalKind kind = external.kindOf(cpRef.get());
            Optional<ObjectNode> controlPlane = external.get(kind, s.request.namespace(), cpRef.get().name());
            if (controlPlane.isPresent()) {
                if (MachineScope.isDeleting(controlPlane.get())) {
                    return Optional.of("control plane is being deleted");
                }
                if (ControlPlaneContract.forContract(kind.contract()).externalManagedControlPlane()
                        .get(controlPlane.get()).orElse(false)) {
                    return Optional.empty();
                }
            }
        }
        String clusterName = s.view().spec().clusterName();
        long activeControlPlaneMachines = cache.list(CoreKinds.MACHINE, s.request.namespace(),
                        Map.of(CoreLabels.ClusterNameLabel, clusterName)).stream()
                .filter(m -> m.getMetadata().getDeletionTimestamp() == null)
                .filter(m -> m.getMetadata().getLabels().containsKey(CoreLabels.MachineControlPlaneLabel))
                .count();
        return activeControlPlaneMachines == 0 ? Optional.of("no control plane members") : Optional.empty();
    }

    private static boolean drainAllowed(MachineScope s) {
        return s.annotation(CoreAnnotations.ExcludeNodeDrainingAnnotation).isEmpty()
                && beforeTermination(s)
                && !timeoutExceeded(s, s.view().spec().nodeDrainTimeoutSeconds(), "nodeDrainStartTime");
    }

    private static boolean volumeDetachAllowed(MachineScope s) {
        return s.annotation(CoreAnnotations.ExcludeWaitForNodeVolumeDetachAnnotation).isEmpty()
                && beforeTermination(s)
                && !timeoutExceeded(s, s.view().spec().nodeVolumeDetachTimeoutSeconds(),
                        "waitForNodeVolumeDetachStartTime");
    }

    /** Drain and volume waits happen only before pre-terminate hooks started and while the InfraMachine lives. */
    private static boolean beforeTermination(MachineScope s) {
        return s.machine.at("/status/deletion/waitForPreTerminateHookStartTime").asText("").isEmpty()
                && s.infraMachine != null && !MachineScope.isDeleting(s.infraMachine);
    }

    private static boolean timeoutExceeded(MachineScope s, OptionalInt timeoutSeconds, String startField) {
        String start = s.machine.at("/status/deletion/" + startField).asText("");
        if (timeoutSeconds.isEmpty() || timeoutSeconds.getAsInt() <= 0 || start.isEmpty()) {
            return false;
        }
        return !Instant.parse(start).plusSeconds(timeoutSeconds.getAsInt()).isAfter(s.now);
    }

    /** Waits while the Node reports attached volumes; present when the pipeline has to wait. */
    private Optional<Result> waitForVolumes(MachineScope s, String nodeName, String started) {
        Node node;
        try {
            node = remotes.client(s.clusterKey()).nodes().withName(nodeName).get();
        } catch (RuntimeException e) {
            s.deletingMessage = "Error waiting for volumes to be detached from Node, please check controller logs for errors";
            events.warning(s.machine, "FailedWaitForVolumeDetach", "error waiting for node volumes detaching, "
                    + "Machine's node \"" + nodeName + "\": " + e.getMessage());
            throw e;
        }
        if (node == null || NodeDrain.unreachable(node) || node.getStatus() == null
                || node.getStatus().getVolumesAttached() == null || node.getStatus().getVolumesAttached().isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> volumes = new TreeSet<>();
        node.getStatus().getVolumesAttached().forEach(v -> volumes.add(v.getName()));
        s.deletingMessage = "Waiting for Node volumes to be detached (started at " + started + ")"
                + "\n* Node with .status.volumesAttached entries: " + String.join(", ", volumes);
        LOG.info("waiting for Node volumes to be detached Machine={} Node={} volumes={}", s.request, nodeName, volumes);
        return Optional.of(Result.requeueAfter(VOLUME_DETACH_RETRY_INTERVAL));
    }

    /** Deletes a provider object unless already deleting; true once it is gone. */
    private boolean deleteAndCheckGone(MachineScope s, ObjectNode object, boolean notFound, ExternalKind kind,
            Optional<ContractRef> ref) {
        if (ref.isEmpty() || object == null && notFound) {
            return true;
        }
        if (object == null || kind == null) {
            return false; // not read this pass (an earlier phase failed): try again next pass
        }
        if (!MachineScope.isDeleting(object)) {
            try {
                external.delete(kind, s.request.namespace(), ref.get().name());
            } catch (RuntimeException e) {
                s.deletingReason = MachineDeletingInternalErrorReason;
                s.deletingMessage = "Failed to delete " + ref.get().kind() + ", please check controller logs for errors";
                throw new IllegalStateException("failed to delete " + ref.get().kind() + " " + s.request.namespace() + "/"
                        + ref.get().name() + " for Machine " + s.request + ": " + e.getMessage(), e);
            }
            LOG.info("deleting {} Machine={} name={}", ref.get().kind(), s.request, ref.get().name());
        }
        return false;
    }

    /** Deletes the Node; present (a retry) when that failed and the node deletion timeout has not expired. */
    private Optional<Result> deleteNode(MachineScope s) {
        String nodeName = s.view().status().nodeName().orElseThrow();
        LOG.info("deleting Node Machine={} Node={}", s.request, nodeName);
        try {
            remotes.client(s.clusterKey()).nodes().withName(nodeName).delete();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (e instanceof KubernetesClientException k && k.getCode() == 404) {
                return Optional.empty();
            }
            events.warning(s.machine, "FailedDeleteNode", "error deleting Machine's Node: " + e.getMessage());
            int timeout = s.view().spec().nodeDeletionTimeoutSeconds().orElse(DEFAULT_NODE_DELETION_TIMEOUT_SECONDS);
            Instant deletedAt = Instant.parse(s.machine.at("/metadata/deletionTimestamp").asText());
            if (timeout == 0 || deletedAt.plusSeconds(timeout).isAfter(s.now)) {
                s.deletingReason = MachineDeletingDeletingNodeReason;
                s.deletingMessage = "Error deleting Node, please check controller logs for errors";
                LOG.warn("failed to delete Node, retrying Machine={} Node={}: {}", s.request, nodeName, e.getMessage());
                return Optional.of(Result.requeueAfter(NODE_DELETION_RETRY_INTERVAL));
            }
            LOG.info("Node deletion timeout expired, continuing without Node deletion Machine={} Node={}", s.request,
                    nodeName);
            return Optional.empty();
        }
    }

    private static List<String> hooks(MachineScope s, String prefix) {
        TreeSet<String> hooks = new TreeSet<>();
        s.machine.at("/metadata/annotations").fieldNames().forEachRemaining(key -> {
            if (key.startsWith(prefix)) {
                hooks.add(key);
            }
        });
        return List.copyOf(hooks);
    }

    /** Sets {@code status.deletion.<field>} to now unless set; returns its value. */
    private static String stampOnce(MachineScope s, String field) {
        ObjectNode deletion = s.deletionStatus();
        String current = deletion.path(field).asText("");
        if (current.isEmpty()) {
            current = timestamp(s.now);
            deletion.put(field, current);
        }
        return current;
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static void removeFinalizer(ObjectNode machine) {
        JsonNode finalizers = machine.at("/metadata/finalizers");
        if (!finalizers.isArray()) {
            return;
        }
        ArrayNode kept = machine.arrayNode();
        finalizers.forEach(f -> {
            if (!CoreFinalizers.MachineFinalizer.equals(f.asText())) {
                kept.add(f);
            }
        });
        machine.withObject("metadata").set("finalizers", kept);
    }
}
