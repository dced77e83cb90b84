package io.capj.core.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterPhase;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a Cluster (upstream's {@code core/reconcilers/cluster}): fetch, ensure the finalizer, snapshot,
 * honour pause, then run the phases (infrastructure, control plane, descendants, and delete or the
 * stand-alone control plane check), compute status and send one patch. Phases keep running after one fails,
 * so status reflects everything observed; the first failure is thrown after the patch.
 */
public final class ClusterReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReconciler.class);
    private static final TypeReference<List<Condition>> CONDITION_LIST = new TypeReference<>() {
    };

    /** One step of a pass; see upstream's {@code clusterReconcileFunc}. */
    @FunctionalInterface
    private interface Phase {
        Result run(ClusterScope scope) throws Exception;
    }

    private final Manager manager;
    private final ClusterReferences references;
    private final ClusterDeletion deletion;
    private final ClusterKubeconfig kubeconfig;

    public ClusterReconciler(Manager manager, String controllerName) {
        this.manager = manager;
        ExternalObjects externals = new ExternalObjects(manager);
        this.references = new ClusterReferences(controllerName, externals, manager.events());
        this.deletion = new ClusterDeletion(manager.client(), externals, manager.events());
        this.kubeconfig = new ClusterKubeconfig(manager.client(), manager.cache(), Clock.systemUTC());
    }

    @Override
    public Result reconcile(Request request) throws Exception {
        Optional<GenericKubernetesResource> cached = manager.cache().get(CoreKinds.CLUSTER, request.namespace(),
                request.name());
        if (cached.isEmpty()) {
            return Result.done();
        }
        ObjectNode cluster = Trees.of(cached.get());
        PatchHelper patchHelper = PatchHelper.snapshot(manager.client(), CoreKinds.CLUSTER, cluster);
        if (!ObjectMeta.isDeleting(cluster) && !ObjectMeta.finalizers(cluster).contains(CoreFinalizers.ClusterFinalizer)) {
            List<String> finalizers = new ArrayList<>(ObjectMeta.finalizers(cluster));
            finalizers.add(CoreFinalizers.ClusterFinalizer);
            ObjectMeta.setFinalizers(cluster, finalizers);
            patchHelper.withOptimisticLock().patch(cluster);
            return Result.done();
        }
        ClusterScope scope = new ClusterScope(cluster, readConditions(cluster));
        Condition paused = pausedCondition(cluster);
        Conditions.set(scope.conditions, paused, scope.generation());
        if (Conditions.TRUE.equals(paused.getStatus())) {
            writeConditions(cluster, scope.conditions);
            patchHelper.patch(cluster);
            return Result.done();
        }
        return reconcilePhases(scope, patchHelper);
    }

    private Result reconcilePhases(ClusterScope scope, PatchHelper patchHelper) throws Exception {
        Result result = Result.done();
        Exception failure = null;
        for (Phase phase : phases(scope)) {
            try {
                Result phaseResult = phase.run(scope);
                if (failure == null) {
                    result = result.min(phaseResult);
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        ClusterPhase changedPhase = ClusterStatus.update(scope);
        if (changedPhase != null) {
            manager.events().normal(scope.cluster, changedPhase.name(),
                    "Cluster " + scope.name() + " is " + changedPhase.name());
        }
        if (failure == null) {
            scope.cluster.withObject("/status").put("observedGeneration", scope.generation());
        }
        writeConditions(scope.cluster, scope.conditions);
        patch(scope, patchHelper);
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private List<Phase> phases(ClusterScope scope) {
        List<Phase> phases = new ArrayList<>(List.of(references::reconcileInfrastructure,
                references::reconcileControlPlane, this::listDescendants));
        if (scope.deleting()) {
            phases.add(deletion::reconcileDelete);
            return phases;
        }
        boolean topologyNotGenerated = scope.view().spec().hasTopology()
                && (scope.view().spec().controlPlaneRef().isEmpty() || scope.view().spec().infrastructureRef().isEmpty());
        if (topologyNotGenerated) {
            LOG.info("waiting for the topology to be generated Cluster={}", scope.key());
            return List.of(this::listDescendants);
        }
        phases.add(kubeconfig::reconcile);
        phases.add(this::reconcileStandaloneControlPlaneInitialized);
        return phases;
    }

    private Result listDescendants(ClusterScope scope) {
        scope.descendants = ClusterDescendants.list(manager.cache(), scope.namespace(), scope.name());
        return Result.done();
    }

    /**
     * Without a control plane object, the control plane is initialized once one of its Machines has a Node
     * (sticky, like the provider-reported flag).
     */
    private Result reconcileStandaloneControlPlaneInitialized(ClusterScope scope) {
        if (scope.view().spec().controlPlaneRef().isPresent() || scope.view().status().controlPlaneInitialized()) {
            return Result.done();
        }
        boolean hasNode = scope.descendants.controlPlaneMachines().stream()
                .anyMatch(m -> !m.at("/status/nodeRef/name").asText().isEmpty());
        if (hasNode) {
            scope.initialization().put("controlPlaneInitialized", true);
        }
        return Result.done();
    }

    /**
     * Sends the pass's changes. The finalizer change is conditional on the version read, so a concurrent
     * finalizer writer is never overwritten; once the finalizer is gone the Cluster may vanish before its
     * status is written, which is the end of the story, not an error.
     */
    private void patch(ClusterScope scope, PatchHelper patchHelper) {
        if (scope.finalizerRemoved) {
            patchHelper.withOptimisticLock();
        }
        try {
            patchHelper.patch(scope.cluster);
        } catch (KubernetesClientException e) {
            if (!scope.finalizerRemoved || stillExists(scope)) {
                throw e;
            }
            LOG.info("Cluster deleted Cluster={}", scope.key());
        }
    }

    private boolean stillExists(ClusterScope scope) {
        return manager.client().genericKubernetesResources(CoreKinds.CLUSTER.definitionContext())
                .inNamespace(scope.namespace()).withName(scope.name()).get() != null;
    }

    /** Upstream's Paused condition: spec.paused or the paused annotation on the Cluster. */
    static Condition pausedCondition(JsonNode cluster) {
        List<String> reasons = new ArrayList<>();
        if (cluster.at("/spec/paused").asBoolean(false)) {
            reasons.add("Cluster spec.paused is set to true");
        }
        if (ObjectMeta.annotations(cluster).containsKey(CoreAnnotations.PausedAnnotation)) {
            reasons.add("Cluster has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        if (reasons.isEmpty()) {
            return Conditions.of(CommonConditions.PausedCondition, Conditions.FALSE, CommonConditions.NotPausedReason,
                    "");
        }
        return Conditions.of(CommonConditions.PausedCondition, Conditions.TRUE, CommonConditions.PausedReason,
                String.join(", ", reasons));
    }

    private static List<Condition> readConditions(ObjectNode object) {
        JsonNode list = object.path("status").path("conditions");
        return list.isArray() ? new ArrayList<>(Json.MAPPER.convertValue(list, CONDITION_LIST)) : new ArrayList<>();
    }

    private static void writeConditions(ObjectNode object, List<Condition> conditions) {
        object.withObject("/status").set("conditions", Json.MAPPER.valueToTree(conditions));
    }
}
