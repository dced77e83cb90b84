package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Cache;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.PatchHelper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the MachineSets a MachineDeployment controls, as upstream's {@code getAndAdoptMachineSetsForDeployment}:
 * an orphan MachineSet its selector matches gets a controller ownerReference to it ({@code SuccessfulAdopt} /
 * {@code FailedAdopt}); every controlled MachineSet gets the {@code cluster.x-k8s.io/deployment-name} label.
 */
final class MachineSetAdoption {
    private static final Logger LOG = LoggerFactory.getLogger(MachineSetAdoption.class);

    private final KubernetesClient client;
    private final Cache cache;
    private final EventRecorder events;

    MachineSetAdoption(KubernetesClient client, Cache cache, EventRecorder events) {
        this.client = client;
        this.cache = cache;
        this.events = events;
    }

    /** The MachineSets {@code scope}'s deployment controls, after adopting orphans and labelling them. */
    List<ObjectNode> controlled(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        LabelSelector selector = LabelSelector.fromMetaV1(md.at("/spec/selector"));
        if (selector.isEmpty()) {
            throw new IllegalStateException("failed to get MachineSets of MachineDeployment " + scope.key
                    + ": label selector computed from MachineDeployment.spec.selector is empty");
        }
        String uid = MachineSetJson.uid(md);
        List<ObjectNode> controlled = new ArrayList<>();
        for (var cached : cache.list(CoreKinds.MACHINE_SET, scope.namespace(), Map.of())) {
            ObjectNode ms = Trees.of(cached);
            boolean mine = MachineSetJson.controlledBy(ms, uid);
            if (!mine && !selector.matches(MachineSetJson.labels(ms))) {
                continue;
            }
            if (!MachineSetJson.hasController(ms)) {
                ms = adopt(scope, ms);
                if (ms == null) {
                    continue;
                }
                mine = true;
            }
            if (mine) {
                controlled.add(labelled(scope, ms));
            }
        }
        return controlled;
    }

    private ObjectNode adopt(DeploymentScope scope, ObjectNode ms) {
        String name = MachineSetJson.name(ms);
        ObjectNode adopted = ms.deepCopy();
        MachineSetJson.ensureOwnerReference(adopted, MachineSetJson.ownerReference(scope.deployment, true));
        try {
            PatchHelper.snapshot(client, CoreKinds.MACHINE_SET, ms).withOptimisticLock().patch(adopted);
        } catch (KubernetesClientException e) {
            LOG.warn("Failed to adopt MachineSet into MachineDeployment MachineDeployment={} Cluster={} MachineSet={}: {}",
                    scope.key, scope.clusterName(), name, e.getMessage());
            events.warning(scope.deployment, "FailedAdopt", "Failed to adopt MachineSet \"" + name + "\": "
                    + e.getMessage());
            return null;
        }
        LOG.info("Adopted MachineSet into MachineDeployment MachineDeployment={} Cluster={} MachineSet={}", scope.key,
                scope.clusterName(), name);
        events.normal(scope.deployment, "SuccessfulAdopt", "Adopted MachineSet \"" + name + "\"");
        return adopted;
    }

    private ObjectNode labelled(DeploymentScope scope, ObjectNode ms) {
        String mdName = MachineSetJson.name(scope.deployment);
        JsonNode current = ms.at("/metadata/labels").path(CoreLabels.MachineDeploymentNameLabel);
        if (mdName.equals(current.asText(null))) {
            return ms;
        }
        ObjectNode labelled = ms.deepCopy();
        labelled.withObject("/metadata").withObject("/labels").put(CoreLabels.MachineDeploymentNameLabel, mdName);
        try {
            PatchHelper.snapshot(client, CoreKinds.MACHINE_SET, ms).patch(labelled);
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("failed to apply " + CoreLabels.MachineDeploymentNameLabel
                    + " label to MachineSet " + scope.namespace() + "/" + MachineSetJson.name(ms) + ": "
                    + e.getMessage(), e);
        }
        return labelled;
    }
}
