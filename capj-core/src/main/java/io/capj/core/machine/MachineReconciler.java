package io.capj.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Cache;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.capj.runtime.ResourceKind;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reconciles one Machine: fetch it and its Cluster, ensure the finalizer, snapshot, honour pause, then run
 * the phases every pass needs (owner and labels, bootstrap, infrastructure, node, certificate expiry) followed
 * by the delete pipeline when the Machine is deleting; compute the status from what was observed and send
 * one patch. Phases keep running after one fails so status stays complete; the first failure is rethrown
 * after the patch so the key is retried with backoff.
 */
public final class MachineReconciler implements Reconciler {
    private final Manager manager;
    private final Cache cache;
    private final ProviderObjects providerObjects;
    private final NodeLink nodeLink;
    private final MachineDeletion deletion;

    MachineReconciler(Manager manager, RemoteClusters remotes, MachineController.Settings settings) {
        this.manager = manager;
        this.cache = manager.cache();
        ExternalObjects external = new ExternalObjects(manager);
        this.providerObjects = new ProviderObjects(external, settings.name());
        this.nodeLink = new NodeLink(remotes, cache, manager.events(), settings.name());
        this.deletion = new MachineDeletion(external, cache, remotes, manager.events(),
                new NodeDrain(remotes, settings.drainRetryInterval()));
    }

    @Override
    public Result reconcile(Request request) {
        Optional<ObjectNode> found = cache.get(CoreKinds.MACHINE, request.namespace(), request.name()).map(Trees::of);
        if (found.isEmpty()) {
            return Result.done();
        }
        ObjectNode machine = found.get();
        String clusterName = machine.at("/spec/clusterName").asText();
        ObjectNode cluster = cache.get(CoreKinds.CLUSTER, request.namespace(), clusterName).map(Trees::of)
                .orElseThrow(() -> new IllegalStateException("failed to get Cluster " + request.namespace() + "/"
                        + clusterName + " of Machine " + request + ": not found"));
        PatchHelper patchHelper = PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE, machine);
        boolean deleting = MachineScope.isDeleting(machine);
        if (!hasFinalizer(machine)) {
            if (!deleting) {
                ((ArrayNode) machine.withObject("metadata").withArray("finalizers")).add(CoreFinalizers.MachineFinalizer);
                patchHelper.patch(machine);
            }
            return Result.done();
        }
        MachineScope s = new MachineScope(request, machine, cluster, readConditions(machine), Instant.now());
        s.owningMachineSet = controller(machine, CoreKinds.MACHINE_SET).orElse(null);
        s.owningMachineDeployment = s.owningMachineSet == null ? null
                : controller(s.owningMachineSet, CoreKinds.MACHINE_DEPLOYMENT).orElse(null);
        Optional<String> paused = pausedBy(s);
        Conditions.set(s.conditions, paused.isPresent()
                ? Conditions.of(CommonConditions.PausedCondition, Conditions.TRUE, CommonConditions.PausedReason, paused.get())
                : Conditions.of(CommonConditions.PausedCondition, Conditions.FALSE, CommonConditions.NotPausedReason, ""),
                s.generation());
        if (paused.isPresent()) {
            s.status().set("conditions", Json.MAPPER.valueToTree(s.conditions));
            patchHelper.patch(machine);
            return Result.done();
        }
        return reconcilePhases(s, patchHelper);
    }

    private Result reconcilePhases(MachineScope s, PatchHelper patchHelper) {
        List<Function<MachineScope, Result>> phases = new ArrayList<>(List.of(this::reconcileOwnerAndLabels,
                providerObjects::reconcileBootstrap, providerObjects::reconcileInfrastructure, nodeLink::reconcile,
                this::reconcileCertificateExpiry));
        if (s.deleting()) {
            phases.add(deletion::reconcileDelete);
        }
        Result result = Result.done();
        RuntimeException failure = null;
        for (Function<MachineScope, Result> phase : phases) {
            try {
                result = result.min(phase.apply(s));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        JsonNode statusBefore = s.machine.path("status").deepCopy();
        result = result.min(MachineStatus.update(s));
        if (failure == null) {
            s.status().put("observedGeneration", s.generation());
        }
        if (!hasFinalizer(s.machine)) {
            // the finalizer goes in this patch, after which the object may be gone: send no status
            s.machine.set("status", statusBefore.isMissingNode() ? Json.object() : statusBefore);
        }
        patchHelper.patch(s.machine);
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** Stand-alone Machines are owned by their Cluster; every Machine carries the cluster-name label. */
    private Result reconcileOwnerAndLabels(MachineScope s) {
        if (shouldAdopt(s.machine)) {
            ObjectNode owner = ((ArrayNode) s.machine.withObject("metadata").withArray("ownerReferences")).addObject();
            owner.put("apiVersion", CoreGroup.API_VERSION).put("kind", "Cluster")
                    .put("name", s.cluster.at("/metadata/name").asText())
                    .put("uid", s.cluster.at("/metadata/uid").asText());
        }
        s.machine.withObject("metadata").withObject("labels").put(CoreLabels.ClusterNameLabel,
                s.view().spec().clusterName());
        return Result.done();
    }

    static boolean shouldAdopt(JsonNode machine) {
        for (JsonNode owner : machine.at("/metadata/ownerReferences")) {
            boolean clusterOwner = "Cluster".equals(owner.path("kind").asText())
                    && owner.path("apiVersion").asText().startsWith(CoreGroup.NAME + "/");
            if (owner.path("controller").asBoolean(false) || clusterOwner) {
                return false;
            }
        }
        JsonNode labels = machine.at("/metadata/labels");
        return !labels.has(CoreLabels.MachineSetNameLabel) && !labels.has(CoreLabels.MachinePoolNameLabel)
                && !labels.has(CoreLabels.MachineControlPlaneNameLabel);
    }

    /** Control plane Machines report certificate expiry from their annotation or their bootstrap config's. */
    private Result reconcileCertificateExpiry(MachineScope s) {
        if (!s.machine.at("/metadata/labels").has(CoreLabels.MachineControlPlaneLabel)) {
            return Result.done();
        }
        String key = CoreAnnotations.MachineCertificatesExpiryDateAnnotation;
        JsonNode expiry = s.machine.at("/metadata/annotations").get(key);
        String source = "Machine " + s.request;
        if (expiry == null && s.bootstrapConfig != null) {
            expiry = s.bootstrapConfig.at("/metadata/annotations").get(key);
            source = "bootstrap config of Machine " + s.request;
        }
        if (expiry == null) {
            s.status().remove("certificatesExpiryDate");
            return Result.done();
        }
        try {
            s.status().put("certificatesExpiryDate", MachineDeletion.timestamp(Instant.parse(expiry.asText())));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("failed to reconcile certificates expiry: failed to parse expiry date from "
                    + "annotation on " + source + ": " + e.getMessage(), e);
        }
        return Result.done();
    }

    private static Optional<String> pausedBy(MachineScope s) {
        if (s.clusterView().spec().paused()) {
            return Optional.of("Cluster spec.paused is set to true");
        }
        if (s.cluster.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            return Optional.of("Cluster has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        if (s.annotation(CoreAnnotations.PausedAnnotation).isPresent()) {
            return Optional.of("Machine has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        return Optional.empty();
    }

    private static boolean hasFinalizer(JsonNode machine) {
        for (JsonNode f : machine.at("/metadata/finalizers")) {
            if (CoreFinalizers.MachineFinalizer.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<Condition> readConditions(ObjectNode machine) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : machine.at("/status/conditions")) {
            conditions.add(Json.MAPPER.convertValue(c, Condition.class));
        }
        return conditions;
    }

    /** The controller owner of {@code object} if it is of {@code kind}, from the cache. */
    private Optional<ObjectNode> controller(ObjectNode object, ResourceKind<GenericKubernetesResource> kind) {
        for (JsonNode ref : object.at("/metadata/ownerReferences")) {
            if (ref.path("controller").asBoolean() && kind.matches(ref.path("apiVersion").asText(),
                    ref.path("kind").asText())) {
                return cache.get(kind, object.at("/metadata/namespace").asText(), ref.path("name").asText())
                        .map(Trees::of);
            }
        }
        return Optional.empty();
    }
}
