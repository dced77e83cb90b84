package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Cache;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a MachineDeployment, as upstream's {@code machinedeployment_controller.go}: ensure the finalizer,
 * honour the Cluster's pause (Paused condition), own the deployment by its Cluster, adopt matching MachineSets,
 * roll out through {@link MachineDeploymentRollout}, and on deletion delete its MachineSets and wait for them to
 * go before releasing the finalizer. Status is recomputed from each pass's observations and sent in one patch.
 */
public final class MachineDeploymentReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(MachineDeploymentReconciler.class);
    /** Fallback wait for the cache to show this controller's own MachineSet writes. */
    private static final Duration CACHE_WAIT = Duration.ofSeconds(1);

    private final KubernetesClient client;
    private final Cache cache;
    private final MachineSetExpectations expectations = new MachineSetExpectations();
    private final MachineSetAdoption adoption;
    private final DeploymentTemplates templates;
    private final MachineSetWriter writer;
    private final MachineDeploymentRollout rollout;

    public MachineDeploymentReconciler(Manager manager) {
        this.client = manager.client();
        this.cache = manager.cache();
        this.adoption = new MachineSetAdoption(client, cache, manager.events());
        this.templates = new DeploymentTemplates(new ExternalObjects(manager));
        this.writer = new MachineSetWriter(client, manager.events(), expectations);
        this.rollout = new MachineDeploymentRollout(writer);
    }

    @Override
    public Result reconcile(Request request) throws Exception {
        String key = request.toString();
        Optional<ObjectNode> found = cache.get(CoreKinds.MACHINE_DEPLOYMENT, request.namespace(), request.name())
                .map(Trees::of);
        if (found.isEmpty()) {
            expectations.forget(key);
            return Result.done();
        }
        if (!expectations.satisfied(key, name -> cache.get(CoreKinds.MACHINE_SET, request.namespace(), name))) {
            return Result.requeueAfter(CACHE_WAIT);
        }
        ObjectNode md = found.get();
        boolean deleting = MachineSetJson.deleting(md);
        String clusterName = md.at("/spec/clusterName").asText();
        Optional<JsonNode> cluster = cache.get(CoreKinds.CLUSTER, request.namespace(), clusterName).map(Trees::of);
        if (cluster.isEmpty() && !deleting) {
            LOG.info("Waiting for Cluster MachineDeployment={} Cluster={}/{}", key, request.namespace(), clusterName);
            return Result.done();
        }
        if (!deleting && !hasFinalizer(md)) {
            addFinalizer(md);
            return Result.done();
        }
        PatchHelper patchHelper = PatchHelper.snapshot(client, CoreKinds.MACHINE_DEPLOYMENT, md);
        DeploymentScope scope = new DeploymentScope(md, cluster.orElse(Json.object()));
        if (setPaused(scope)) {
            patchHelper.patch(md);
            return Result.done();
        }
        return reconcileAndPatch(scope, patchHelper);
    }

    private Result reconcileAndPatch(DeploymentScope scope, PatchHelper patchHelper) {
        Result result;
        try {
            scope.machines = machines(scope);
            scope.machineSets = adoption.controlled(scope);
            scope.machineSetsKnown = true;
            result = scope.deleting() ? reconcileDelete(scope) : reconcileNormal(scope);
        } catch (RuntimeException e) {
            patchStatus(scope, patchHelper, false, e);
            throw e;
        }
        patchStatus(scope, patchHelper, true, null);
        return result;
    }

    private Result reconcileNormal(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        md.withObject("/metadata").withObject("/labels").put(CoreLabels.ClusterNameLabel, scope.clusterName());
        MachineSetJson.ensureOwnerReference(md, MachineSetJson.ownerReference(scope.cluster, false));
        templates.reconcile(scope);
        return rollout.reconcile(scope);
    }

    private Result reconcileDelete(DeploymentScope scope) {
        if (scope.machineSets.isEmpty()) {
            removeFinalizer(scope.deployment);
            expectations.forget(scope.key);
            return Result.done();
        }
        for (ObjectNode ms : scope.machineSets) {
            if (!MachineSetJson.deleting(ms)) {
                writer.delete(scope, ms, "MachineDeployment deleting");
            }
        }
        LOG.info("Waiting for MachineSets to be deleted MachineDeployment={} Cluster={} MachineSets={}", scope.key,
                scope.clusterName(), MachineSetJson.names(scope.machineSets));
        return Result.done();
    }

    /** Status from what this pass saw; observedGeneration only moves when the pass succeeded. */
    private void patchStatus(DeploymentScope scope, PatchHelper patchHelper, boolean succeeded, RuntimeException error) {
        MachineDeploymentStatus.update(scope);
        if (succeeded) {
            scope.deployment.withObject("/status").put("observedGeneration", scope.generation());
        }
        try {
            patchHelper.patch(scope.deployment);
        } catch (RuntimeException e) {
            if (scope.deleting() && !hasFinalizer(scope.deployment)) {
                return; // the finalizer patch released the object, so there is no status left to write
            }
            if (error == null) {
                throw e;
            }
            error.addSuppressed(e);
        }
    }

    /** The Machines matching the deployment's selector. */
    private List<JsonNode> machines(DeploymentScope scope) {
        LabelSelector selector = LabelSelector.fromMetaV1(scope.deployment.at("/spec/selector"));
        List<JsonNode> machines = new ArrayList<>();
        for (var machine : cache.list(CoreKinds.MACHINE, scope.namespace(),
                MachineSetJson.stringMap(scope.deployment.at("/spec/selector/matchLabels")))) {
            ObjectNode tree = Trees.of(machine);
            if (selector.matches(MachineSetJson.labels(tree))) {
                machines.add(tree);
            }
        }
        return machines;
    }

    /** Sets the Paused condition; true when reconciliation must stop here. */
    private static boolean setPaused(DeploymentScope scope) {
        List<String> messages = new ArrayList<>();
        if (ClusterView.of(scope.cluster).spec().paused()) {
            messages.add("Cluster spec.paused is set to true");
        }
        if (scope.deployment.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            messages.add("MachineDeployment has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        boolean paused = !messages.isEmpty();
        TreeConditions.set(scope.deployment, CommonConditions.PausedCondition,
                paused ? Conditions.TRUE : Conditions.FALSE,
                paused ? CommonConditions.PausedReason : CommonConditions.NotPausedReason, String.join(", ", messages));
        if (paused) {
            LOG.info("Reconciliation is paused MachineDeployment={} Cluster={} reason={}", scope.key,
                    scope.clusterName(), String.join(", ", messages));
        }
        return paused;
    }

    private static boolean hasFinalizer(JsonNode md) {
        for (JsonNode f : md.at("/metadata/finalizers")) {
            if (CoreFinalizers.MachineDeploymentFinalizer.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    private void addFinalizer(ObjectNode md) {
        ArrayNode finalizers = md.at("/metadata/finalizers").isArray()
                ? ((ArrayNode) md.at("/metadata/finalizers")).deepCopy() : Json.MAPPER.createArrayNode();
        finalizers.add(CoreFinalizers.MachineDeploymentFinalizer);
        ObjectNode patch = Json.object();
        patch.putObject("metadata").put("resourceVersion", md.at("/metadata/resourceVersion").asText())
                .set("finalizers", finalizers);
        client.genericKubernetesResources(CoreKinds.MACHINE_DEPLOYMENT.definitionContext())
                .inNamespace(md.at("/metadata/namespace").asText()).withName(MachineSetJson.name(md))
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    private static void removeFinalizer(ObjectNode md) {
        if (!(md.at("/metadata/finalizers") instanceof ArrayNode finalizers)) {
            return;
        }
        for (int i = finalizers.size() - 1; i >= 0; i--) {
            if (CoreFinalizers.MachineDeploymentFinalizer.equals(finalizers.get(i).asText())) {
                finalizers.remove(i);
            }
        }
    }
}
