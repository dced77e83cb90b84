package io.capj.infrastructure.dev.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.infrastructure.dev.DevConditions;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.internal.ConditionTrees;
import io.capj.infrastructure.dev.internal.Finalizers;
import io.capj.infrastructure.dev.internal.Pause;
import io.capj.infrastructure.dev.workload.WorkloadServers;
import io.capj.infrastructure.dev.workload.WorkloadServers.ClusterKey;
import io.capj.runtime.Cache;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one DevCluster: fetch (gone means done), delete (stop the workload server, drop the finalizer),
 * ensure the finalizer, find the owning Cluster, honour pause, then give the inMemory backend its endpoint and
 * mark it provisioned; a Docker backend is reported as unavailable. One patch per pass.
 */
final class DevClusterReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(DevClusterReconciler.class);
    static final String ENDPOINT_HOST = "127.0.0.1";

    private final Manager manager;
    private final Cache cache;
    private final WorkloadServers servers;

    DevClusterReconciler(Manager manager, WorkloadServers servers) {
        this.manager = manager;
        this.cache = manager.cache();
        this.servers = servers;
    }

    @Override
    public Result reconcile(Request request) {
        Optional<ObjectNode> found = cache.get(DevKinds.DEV_CLUSTER, request.namespace(), request.name())
                .map(Trees::of);
        if (found.isEmpty()) {
            return Result.done();
        }
        ObjectNode devCluster = found.get();
        PatchHelper patchHelper = PatchHelper.snapshot(manager.client(), DevKinds.DEV_CLUSTER, devCluster);
        Optional<String> clusterName = ownerClusterName(devCluster);
        if (devCluster.at("/metadata/deletionTimestamp").isTextual()) {
            return reconcileDelete(request, devCluster, clusterName, patchHelper);
        }
        if (!Finalizers.has(devCluster, DevConditions.ClusterFinalizer)) {
            Finalizers.add(devCluster, DevConditions.ClusterFinalizer);
            patchHelper.patch(devCluster);
            return Result.done();
        }
        if (clusterName.isEmpty()) {
            LOG.info("waiting for the Cluster controller to set the owner reference DevCluster={}", request);
            return Result.done();
        }
        Optional<ObjectNode> cluster = cache.get(CoreKinds.CLUSTER, request.namespace(), clusterName.get())
                .map(Trees::of);
        if (cluster.isEmpty()) {
            LOG.info("waiting for the owner Cluster DevCluster={} Cluster={}/{}", request, request.namespace(),
                    clusterName.get());
            return Result.done();
        }
        List<Condition> conditions = ConditionTrees.read(devCluster);
        long generation = devCluster.at("/metadata/generation").asLong(0);
        Optional<String> paused = Pause.reason(cluster.get(), devCluster, "DevCluster");
        Pause.setCondition(conditions, paused, generation);
        if (paused.isEmpty()) {
            reconcileNormal(new ClusterKey(request.namespace(), clusterName.get()), devCluster, conditions,
                    generation);
        }
        ConditionTrees.write(devCluster, conditions);
        patchHelper.patch(devCluster);
        return Result.done();
    }

    private void reconcileNormal(ClusterKey key, ObjectNode devCluster, List<Condition> conditions,
            long generation) {
        JsonNode backend = devCluster.at("/spec/backend");
        if (!backend.has("inMemory")) {
            Conditions.set(conditions, Conditions.of(DevConditions.ReadyCondition, Conditions.FALSE,
                    DevConditions.BackendUnavailableReason, DevConditions.BackendUnavailableMessage), generation);
            devCluster.withObject("status").withObject("initialization").put("provisioned", false);
            return;
        }
        ObjectNode endpoint = devCluster.withObject("spec").withObject("controlPlaneEndpoint");
        if (!endpoint.path("host").asText("").isEmpty() && endpoint.path("port").asInt(0) > 0) {
            servers.keepPort(key, endpoint.path("port").asInt());
        } else {
            int port = servers.reservePort(key, portsUsedByOthers(devCluster));
            endpoint.put("host", ENDPOINT_HOST).put("port", port);
            LOG.info("assigned control plane endpoint Cluster={} endpoint={}:{}", key, ENDPOINT_HOST, port);
        }
        devCluster.withObject("status").withObject("initialization").put("provisioned", true);
        Conditions.set(conditions, Conditions.of(DevConditions.ReadyCondition, Conditions.TRUE,
                DevConditions.ReadyReason, ""), generation);
    }

    private Result reconcileDelete(Request request, ObjectNode devCluster, Optional<String> clusterName,
            PatchHelper patchHelper) {
        if (!Finalizers.has(devCluster, DevConditions.ClusterFinalizer)) {
            return Result.done();
        }
        // Without a Cluster no machine could have started a server: there is nothing to stop then.
        clusterName.or(() -> Optional.ofNullable(devCluster.at("/metadata/labels").get(CoreLabels.ClusterNameLabel))
                        .map(JsonNode::asText))
                .ifPresent(name -> servers.stop(new ClusterKey(request.namespace(), name)));
        Finalizers.remove(devCluster, DevConditions.ClusterFinalizer);
        patchHelper.patch(devCluster);
        return Result.done();
    }

    /** Endpoint ports of every other DevCluster, so two clusters never share a listener. */
    private Set<Integer> portsUsedByOthers(ObjectNode devCluster) {
        String uid = devCluster.at("/metadata/uid").asText();
        Set<Integer> used = new HashSet<>();
        for (GenericKubernetesResource other : cache.list(DevKinds.DEV_CLUSTER, null, Map.of())) {
            if (uid.equals(other.getMetadata().getUid())) {
                continue;
            }
            JsonNode port = Trees.of(other).at("/spec/controlPlaneEndpoint/port");
            if (port.canConvertToInt() && port.asInt() > 0) {
                used.add(port.asInt());
            }
        }
        return used;
    }

    /** The name of the Cluster that owns {@code devCluster}, from its ownerReferences. */
    static Optional<String> ownerClusterName(JsonNode devCluster) {
        for (JsonNode ref : devCluster.at("/metadata/ownerReferences")) {
            if ("Cluster".equals(ref.path("kind").asText())
                    && ref.path("apiVersion").asText().startsWith(CoreGroup.NAME + "/")) {
                return Optional.of(ref.path("name").asText());
            }
        }
        return Optional.empty();
    }
}
