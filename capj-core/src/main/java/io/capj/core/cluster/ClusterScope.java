package io.capj.core.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.external.ExternalKind;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * What one reconcile pass of a Cluster observed and decided, shared by its phases and its status functions.
 * The Cluster tree is the pass's working copy: phases mutate it and the reconciler patches it once at the end.
 * A provider object is null when it was not read, with its {@code ...NotFound} flag telling "does not exist"
 * apart from "could not be read".
 */
final class ClusterScope {
    final ObjectNode cluster;
    /** The Cluster's conditions, written back into the tree just before the patch. */
    final List<Condition> conditions;

    ExternalKind infraKind;
    ObjectNode infraCluster;
    boolean infraClusterNotFound;

    ExternalKind controlPlaneKind;
    ObjectNode controlPlane;
    boolean controlPlaneNotFound;

    /** Null when listing the descendants failed or has not run. */
    ClusterDescendants descendants;

    String deletingReason = "";
    String deletingMessage = "";
    boolean finalizerRemoved;

    ClusterScope(ObjectNode cluster, List<Condition> conditions) {
        this.cluster = cluster;
        this.conditions = conditions;
    }

    ClusterView view() {
        return ClusterView.of(cluster);
    }

    String namespace() {
        return ObjectMeta.namespace(cluster);
    }

    String name() {
        return ObjectMeta.name(cluster);
    }

    long generation() {
        return ObjectMeta.generation(cluster);
    }

    boolean deleting() {
        return ObjectMeta.isDeleting(cluster);
    }

    /** {@code Cluster=ns/name}, for log lines and messages. */
    String key() {
        return namespace() + "/" + name();
    }

    /** {@code status.initialization}, created when missing. */
    ObjectNode initialization() {
        return cluster.withObject("/status").withObject("/initialization");
    }

    void deleting(String reason, String message) {
        deletingReason = reason;
        deletingMessage = message;
    }
}
