package io.capj.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.runtime.internal.ConditionChanges;
import io.capj.runtime.internal.MergePatchDiff;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Snapshot an object at the start of a reconcile, mutate it freely, then {@link #patch} it: at most one JSON
 * merge patch carrying only the changed metadata/spec fields, and at most one merge patch to {@code /status}
 * carrying only the changed status fields. Conditions are merged by type: the status patch sends the live
 * condition list with only this writer's changed types replaced (re-reading on conflict), so controllers
 * that own different conditions of one object never erase each other's.
 */
public final class PatchHelper {
    private static final int CONFLICT = 409;
    private static final int MAX_STATUS_ATTEMPTS = 5;

    private final KubernetesClient client;
    private final ResourceKind<?> kind;
    private final ObjectNode before;
    private final String namespace;
    private final String name;
    private boolean optimisticLock;

    private PatchHelper(KubernetesClient client, ResourceKind<?> kind, ObjectNode before) {
        this.client = client;
        this.kind = kind;
        this.before = before;
        this.namespace = before.path("metadata").path("namespace").asText(null);
        this.name = before.path("metadata").path("name").asText();
    }

    /** Records the state of {@code object} (of {@code kind}) that later patches are computed against. */
    public static PatchHelper snapshot(KubernetesClient client, ResourceKind<?> kind, HasMetadata object) {
        return new PatchHelper(client, kind, tree(client, object));
    }

    /**
     * Records the state of {@code object}, a JSON tree of {@code kind}; the helper keeps its own copy, so the
     * caller may mutate {@code object} and pass it to {@link #patch(ObjectNode)}.
     */
    public static PatchHelper snapshot(KubernetesClient client, ResourceKind<?> kind, ObjectNode object) {
        return new PatchHelper(client, kind, object.deepCopy());
    }

    /**
     * Makes the metadata/spec patch conditional on the snapshot's resourceVersion, so it fails with 409 if
     * anyone wrote the object since it was read.
     */
    public PatchHelper withOptimisticLock() {
        this.optimisticLock = true;
        return this;
    }

    /**
     * Sends the changes made to {@code mutated} since the snapshot; sends nothing when nothing changed.
     *
     * @throws KubernetesClientException when a patch is rejected (409 on a lost optimistic lock)
     */
    public void patch(HasMetadata mutated) {
        patch(tree(client, mutated));
    }

    /** As {@link #patch(HasMetadata)}, for an object read and mutated as a JSON tree. */
    public void patch(ObjectNode mutated) {
        GenericKubernetesResource written = patchMetadataAndSpec(mutated);
        patchStatus(mutated, written == null ? before : tree(client, written));
    }

    /** Sends the metadata/spec patch, if any; returns the object as the server stored it, else null. */
    private GenericKubernetesResource patchMetadataAndSpec(ObjectNode after) {
        ObjectNode oldBody = before.deepCopy();
        ObjectNode newBody = after.deepCopy();
        oldBody.remove("status");
        newBody.remove("status");
        ObjectNode patch = MergePatchDiff.diff(oldBody, newBody);
        if (patch.isEmpty()) {
            return null;
        }
        if (optimisticLock) {
            String snapshotVersion = before.path("metadata").path("resourceVersion").asText();
            patch.withObject("metadata").put("resourceVersion", snapshotVersion);
        }
        return resource().patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    /**
     * Sends the status patch. With condition changes the list sent is a base list plus our changed types,
     * locked on the base's resourceVersion: first the latest version this helper knows ({@code known}: the
     * snapshot, or the object returned by the metadata/spec patch), which is usually current and saves a read;
     * after a conflict, a fresh read.
     */
    private void patchStatus(ObjectNode after, JsonNode known) {
        ObjectNode oldStatus = statusOf(before);
        ObjectNode newStatus = statusOf(after);
        ConditionChanges conditions = ConditionChanges.between(oldStatus.remove("conditions"),
                newStatus.remove("conditions"));
        ObjectNode statusPatch = MergePatchDiff.diff(oldStatus, newStatus);
        if (conditions.isEmpty()) {
            if (!statusPatch.isEmpty()) {
                sendStatus(statusPatch, null);
            }
            return;
        }
        JsonNode base = known;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                // Re-read so the list we send is the live one plus our changes, and lock on its version so a
                // concurrent condition writer makes us retry instead of being overwritten.
                GenericKubernetesResource live = resource().get();
                if (live == null) {
                    throw new KubernetesClientException("failed to patch status of " + kind + " " + key()
                            + ": not found");
                }
                base = tree(client, live);
            }
            ObjectNode body = statusPatch.deepCopy();
            body.set("conditions", conditions.applyTo(base.path("status").get("conditions")));
            try {
                sendStatus(body, base.path("metadata").path("resourceVersion").asText());
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt >= MAX_STATUS_ATTEMPTS + 1) {
                    throw e;
                }
            }
        }
    }

    private void sendStatus(ObjectNode status, String resourceVersion) {
        ObjectNode patch = before.objectNode();
        if (resourceVersion != null) {
            patch.withObject("metadata").put("resourceVersion", resourceVersion);
        }
        patch.set("status", status);
        resource().subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    private Resource<GenericKubernetesResource> resource() {
        var resources = client.genericKubernetesResources(kind.definitionContext());
        return kind.namespaced() ? resources.inNamespace(namespace).withName(name) : resources.withName(name);
    }

    private String key() {
        return namespace == null ? name : namespace + "/" + name;
    }

    private static ObjectNode statusOf(ObjectNode object) {
        JsonNode status = object.get("status");
        return status instanceof ObjectNode s ? s.deepCopy() : object.objectNode();
    }

    private static ObjectNode tree(KubernetesClient client, Object object) {
        return client.getKubernetesSerialization().convertValue(object, ObjectNode.class);
    }
}
