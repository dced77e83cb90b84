package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.PatchHelper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a MachineDeployment's MachineSets and reports each write as upstream does, with events on the
 * deployment ({@code SuccessfulCreate}, {@code SuccessfulScale}, {@code SuccessfulDelete} and their
 * {@code Failed*} counterparts). Scale-downs are written before creates and scale-ups, so the total never
 * exceeds what the plan allows even between two writes. Every write is recorded in the
 * {@link MachineSetExpectations} so the next pass waits for the cache to show it.
 */
final class MachineSetWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MachineSetWriter.class);

    /** One MachineSet as read ({@code current}, null to create it) and as wanted. */
    record Change(ObjectNode current, ObjectNode desired, boolean isNew) {
        int delta() {
            int before = current == null ? 0 : MachineSetJson.specReplicas(current);
            return MachineSetJson.specReplicas(desired) - before;
        }
    }

    private final KubernetesClient client;
    private final EventRecorder events;
    private final MachineSetExpectations expectations;

    MachineSetWriter(KubernetesClient client, EventRecorder events, MachineSetExpectations expectations) {
        this.client = client;
        this.events = events;
        this.expectations = expectations;
    }

    /** Writes {@code changes}: shrinking ones first, then the rest (creates included) by growing delta. */
    void apply(DeploymentScope scope, List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingInt(Change::delta));
        for (Change change : ordered) {
            if (change.current() == null) {
                create(scope, change.desired());
            } else {
                update(scope, change);
            }
        }
    }

    void delete(DeploymentScope scope, JsonNode ms, String why) {
        String name = MachineSetJson.name(ms);
        try {
            client.genericKubernetesResources(CoreKinds.MACHINE_SET.definitionContext())
                    .inNamespace(scope.namespace()).withName(name).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                events.warning(scope.deployment, "FailedDelete", "Failed to delete MachineSet \"" + name + "\": "
                        + e.getMessage());
                throw new IllegalStateException("failed to delete MachineSet " + scope.namespace() + "/" + name
                        + " (" + why + "): " + e.getMessage(), e);
            }
        }
        expectations.deleted(scope.key, name);
        LOG.info("MachineSet deleting MachineDeployment={} Cluster={} MachineSet={} reason={}", scope.key,
                scope.clusterName(), name, why);
        events.normal(scope.deployment, "SuccessfulDelete", "Deleted MachineSet \"" + name + "\"");
    }

    private void create(DeploymentScope scope, ObjectNode desired) {
        String name = MachineSetJson.name(desired);
        int replicas = MachineSetJson.specReplicas(desired);
        requireCacheCaughtUp(scope);
        try {
            client.genericKubernetesResources(CoreKinds.MACHINE_SET.definitionContext())
                    .inNamespace(scope.namespace()).resource(Trees.generic(desired)).create();
        } catch (KubernetesClientException e) {
            events.warning(scope.deployment, "FailedCreate", "Failed to create MachineSet " + scope.namespace() + "/"
                    + name + ": " + e.getMessage());
            throw new IllegalStateException("failed to create MachineSet " + scope.namespace() + "/" + name + ": "
                    + e.getMessage(), e);
        }
        expectations.created(scope.key, name);
        LOG.info("MachineSet created, it is now the current MachineSet MachineDeployment={} Cluster={} "
                + "MachineSet={} replicas={}", scope.key, scope.clusterName(), name, replicas);
        events.normal(scope.deployment, "SuccessfulCreate", "Created MachineSet " + scope.namespace() + "/" + name
                + " with " + replicas + " replicas");
    }

    /**
     * Creating a MachineSet is rare and hard to undo, so before one is created the cache is checked against a
     * live list: a MachineSet labelled with this deployment's name that the cache has not shown yet (just created by a
     * user, or by this controller before a restart) may be the one to adopt, so the pass is retried instead.
     */
    private void requireCacheCaughtUp(DeploymentScope scope) {
        Set<String> seen = new HashSet<>();
        scope.machineSets.forEach(ms -> seen.add(MachineSetJson.name(ms)));
        String deployment = scope.deployment.at("/metadata/name").asText();
        var live = client.genericKubernetesResources(CoreKinds.MACHINE_SET.definitionContext())
                .inNamespace(scope.namespace()).list().getItems();
        for (var ms : live) {
            boolean labelled = ms.getMetadata().getLabels() != null && deployment
                    .equals(ms.getMetadata().getLabels().get(CoreLabels.MachineDeploymentNameLabel));
            boolean ownedElsewhere = ms.getMetadata().getOwnerReferences().stream()
                    .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && !deployment.equals(r.getName()));
            if (labelled && !ownedElsewhere && ms.getMetadata().getDeletionTimestamp() == null
                    && !seen.contains(ms.getMetadata().getName())) {
                throw new IllegalStateException("not creating a MachineSet for " + scope.key + ": MachineSet "
                        + ms.getMetadata().getName() + " exists but is not in the cache yet; retrying");
            }
        }
    }

    private void update(DeploymentScope scope, Change change) {
        ObjectNode current = change.current();
        ObjectNode desired = change.desired();
        if (withoutStatus(current).equals(withoutStatus(desired))) {
            return;
        }
        String name = MachineSetJson.name(current);
        try {
            PatchHelper.snapshot(client, CoreKinds.MACHINE_SET, current).patch(desired);
        } catch (KubernetesClientException e) {
            if ((e.getCode() == 404 || e.getCode() == 409) && MachineSetJson.deleting(current)) {
                return;
            }
            events.warning(scope.deployment, "FailedUpdate", "Failed to update MachineSet " + scope.namespace() + "/"
                    + name + ": " + e.getMessage());
            throw new IllegalStateException("failed to update MachineSet " + scope.namespace() + "/" + name + ": "
                    + e.getMessage(), e);
        }
        expectations.updated(scope.key, name, current.at("/metadata/resourceVersion").asText());
        int from = MachineSetJson.specReplicas(current);
        int to = MachineSetJson.specReplicas(desired);
        String type = change.isNew() ? "current" : "old";
        if (to != from) {
            String direction = to < from ? "down" : "up";
            LOG.info("Scaled {} {} MachineSet MachineDeployment={} Cluster={} MachineSet={} from={} to={}", direction,
                    type, scope.key, scope.clusterName(), name, from, to);
            events.normal(scope.deployment, "SuccessfulScale", "Scaled " + direction + " MachineSet " + name + ": "
                    + from + " -> " + to);
        } else {
            LOG.info("Updated {} MachineSet MachineDeployment={} Cluster={} MachineSet={}", type, scope.key,
                    scope.clusterName(), name);
        }
    }

    private static JsonNode withoutStatus(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("status");
        return copy;
    }
}
