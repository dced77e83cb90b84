package io.capj.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterConditions;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Cache;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.Request;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node phase: find the workload cluster's Node whose {@code spec.providerID} is the Machine's (several
 * is an error), record it in {@code status.nodeRef} and {@code status.nodeInfo}, and keep its CAPI metadata
 * in sync ({@link NodeMetadataSync}). Nodes are read from the workload cluster's shared cache, indexed by
 * providerID, and their events wake the Machine they belong to.
 */
final class NodeLink {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLink.class);
    /** Index of workload-cluster Nodes by {@code spec.providerID}. */
    static final String NODE_PROVIDER_ID_INDEX = "capj.io/node-provider-id";
    /** Index of Machines by {@code spec.providerID}, to map a Node event back to its Machine. */
    static final String MACHINE_PROVIDER_ID_INDEX = "capj.io/machine-provider-id";

    /** The {@code NodeSystemInfo} fields a Machine's {@code status.nodeInfo} holds. */
    private static final List<String> NODE_INFO_FIELDS = List.of("machineID", "systemUUID", "bootID", "kernelVersion",
            "osImage", "containerRuntimeVersion", "kubeletVersion", "kubeProxyVersion", "operatingSystem",
            "architecture");

    private final RemoteClusters remotes;
    private final Cache cache;
    private final EventRecorder events;
    private final String controllerName;

    NodeLink(RemoteClusters remotes, Cache cache, EventRecorder events, String controllerName) {
        this.remotes = remotes;
        this.cache = cache;
        this.events = events;
        this.controllerName = controllerName;
    }

    /** Registers the indexes this phase reads; call before the manager starts. */
    static void registerIndexes(Cache cache, RemoteClusters remotes) {
        cache.addIndex(CoreKinds.MACHINE, MACHINE_PROVIDER_ID_INDEX, NodeLink::machineProviderID);
        remotes.addIndex(CoreKinds.NODE, NODE_PROVIDER_ID_INDEX, node -> node.getSpec() == null
                || node.getSpec().getProviderID() == null ? List.of() : List.of(node.getSpec().getProviderID()));
    }

    /** Whether the Cluster's control plane is up, so its workload cluster can be reached. */
    static boolean controlPlaneInitialized(ClusterView cluster) {
        return cluster.status().controlPlaneInitialized() || cluster.status()
                .condition(ClusterConditions.ClusterControlPlaneInitializedCondition).map(c -> c.isTrue()).orElse(false);
    }

    Result reconcile(MachineScope s) {
        Request cluster = s.clusterKey();
        Optional<String> providerID = s.view().spec().providerID();
        List<Node> nodes;
        if (!controlPlaneInitialized(s.clusterView())) {
            if (providerID.isEmpty() || !s.view().isControlPlane() || !s.clusterView().status().infrastructureProvisioned()) {
                return Result.done();
            }
            Optional<List<Node>> found = nodesBeforeInitialization(cluster, providerID.get());
            if (found.isEmpty() || found.get().isEmpty()) {
                return Result.done();
            }
            nodes = found.get();
        } else {
            try {
                remotes.watch(cluster, CoreKinds.NODE, controllerName, node -> machinesOf(cluster, node));
                if (providerID.isEmpty()) {
                    return Result.done();
                }
                nodes = remotes.cache(cluster).byIndex(CoreKinds.NODE, NODE_PROVIDER_ID_INDEX, providerID.get());
            } catch (RuntimeException e) {
                s.nodeError = e;
                throw e;
            }
        }
        if (nodes.size() > 1) {
            s.nodeError = new IllegalStateException("unexpectedly found more than one Node matching the providerID "
                    + providerID.get());
            events.warning(s.machine, "Failed to retrieve Node by ProviderID", s.nodeError.getMessage());
            throw s.nodeError;
        }
        if (nodes.isEmpty()) {
            return nodeNotFound(s, providerID.get());
        }
        s.node = nodes.get(0);
        ObjectNode status = s.status();
        if (s.view().status().nodeName().isEmpty()) {
            status.putObject("nodeRef").put("name", s.node.getMetadata().getName());
            LOG.info("Kubernetes Node is now available Machine={} Cluster={} providerID={} Node={}", s.request, cluster,
                    providerID.get(), s.node.getMetadata().getName());
            events.normal(s.machine, "SuccessfulSetNodeRef", s.node.getMetadata().getName());
        }
        JsonNode nodeInfo = Trees.of(s.node).at("/status/nodeInfo");
        if (nodeInfo.isObject()) {
            ObjectNode copied = status.putObject("nodeInfo");
            NODE_INFO_FIELDS.forEach(field -> copied.put(field, nodeInfo.path(field).asText("")));
            if (nodeInfo.has("swap")) {
                copied.set("swap", nodeInfo.get("swap"));
            }
        }
        return syncNodeMetadata(s, cluster) ? Result.done() : Result.requeue();
    }

    /**
     * Before the control plane is initialized the workload cluster may not answer yet, and without a
     * control-plane provider the Cluster only becomes initialized once a control-plane Machine has a Node: so
     * control-plane Machines look their Node up directly (no watch, as upstream; the infrastructure
     * machine's next change wakes them), and an unreachable cluster just means "not yet".
     */
    private Optional<List<Node>> nodesBeforeInitialization(Request cluster, String providerID) {
        try {
            return Optional.of(remotes.client(cluster).nodes().list().getItems().stream()
                    .filter(node -> node.getSpec() != null && providerID.equals(node.getSpec().getProviderID()))
                    .toList());
        } catch (RuntimeException e) {
            LOG.debug("workload cluster not reachable before control plane initialization cluster={}", cluster, e);
            return Optional.empty();
        }
    }

    private Result nodeNotFound(MachineScope s, String providerID) {
        if (s.deleting()) {
            return Result.done();
        }
        if (s.view().status().nodeName().isPresent()) {
            throw new IllegalStateException("no matching Node for Machine " + s.request + " with providerID "
                    + providerID);
        }
        LOG.info("providerID reported, matching Kubernetes Node is not yet available Machine={} providerID={}",
                s.request, providerID);
        return Result.done();
    }

    /**
     * Brings the Node's CAPI labels, annotations and the uninitialized taint in line; false when the Node
     * changed since the cache read it (the patch is locked on its resourceVersion), so the caller requeues.
     */
    private boolean syncNodeMetadata(MachineScope s, Request cluster) {
        boolean interruptible = s.infraMachine != null
                && s.infraMachine.at("/status/interruptible").asBoolean(false);
        Map<String, String> annotations = NodeMetadataSync.managedAnnotations(s.machine);
        Map<String, String> labels = NodeMetadataSync.managedLabels(s.machine, interruptible);
        Optional<ObjectNode> patch = NodeMetadataSync.patchFor(Trees.of(s.node), annotations, labels);
        if (patch.isEmpty()) {
            return true;
        }
        String nodeName = s.node.getMetadata().getName();
        try {
            remotes.client(cluster).nodes().withName(nodeName)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch.get().toString());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.debug("Node changed since it was read, syncing again Machine={} Node={}", s.request, nodeName);
                return false;
            }
            throw new IllegalStateException("failed to reconcile Node " + nodeName + " of Machine " + s.request + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("failed to reconcile Node " + nodeName + " of Machine " + s.request + ": "
                    + e.getMessage(), e);
        }
    }

    /** A Node event wakes the Machine it is annotated with and any Machine of the Cluster with its providerID. */
    private Collection<Request> machinesOf(Request cluster, Node node) {
        Set<Request> machines = new LinkedHashSet<>();
        Map<String, String> annotations = node.getMetadata().getAnnotations();
        if (annotations != null && cluster.namespace().equals(annotations.get(CoreAnnotations.ClusterNamespaceAnnotation))
                && annotations.containsKey(CoreAnnotations.MachineAnnotation)) {
            machines.add(new Request(cluster.namespace(), annotations.get(CoreAnnotations.MachineAnnotation)));
        }
        String providerID = node.getSpec() == null ? null : node.getSpec().getProviderID();
        if (providerID != null && !providerID.isEmpty()) {
            cache.byIndex(CoreKinds.MACHINE, MACHINE_PROVIDER_ID_INDEX, providerID).stream()
                    .filter(m -> cluster.namespace().equals(m.getMetadata().getNamespace()))
                    .filter(m -> cluster.name().equals(clusterNameOf(m)))
                    .forEach(m -> machines.add(Request.of(m)));
        }
        return machines;
    }

    /** Typed as Object on purpose: {@code get} is generic, and a String target would pick a char[] overload. */
    private static Object clusterNameOf(GenericKubernetesResource machine) {
        Object clusterName = machine.get("spec", "clusterName");
        return clusterName;
    }

    private static List<String> machineProviderID(GenericKubernetesResource machine) {
        Object providerID = machine.get("spec", "providerID");
        return providerID instanceof String p && !p.isEmpty() ? List.of(p) : List.of();
    }
}
