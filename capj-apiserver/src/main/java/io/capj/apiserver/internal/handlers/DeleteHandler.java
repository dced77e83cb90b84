package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.Times;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;
import java.util.ArrayList;
import java.util.List;

/**
 * DELETE of an object or a collection. An object with finalizers (its own, or the garbage collector's
 * {@code orphan}/{@code foregroundDeletion} chosen by the propagation policy) only gets a
 * deletionTimestamp; it disappears once the last finalizer is removed.
 */
public final class DeleteHandler {
    static final String ORPHAN = "orphan";
    static final String FOREGROUND = "foregroundDeletion";
    private static final int ATTEMPTS = 5;

    private final ApiContext ctx;
    private final Responses responses;

    public DeleteHandler(ApiContext ctx, Responses responses) {
        this.ctx = ctx;
        this.responses = responses;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        if (!info.subresource().isEmpty()) {
            throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        return deleteObject(request, type, info.namespace(), info.name(), DeleteOptions.from(request));
    }

    /** Deletes one object (retrying on write conflicts), as a DELETE of its path with these options would. */
    Reply deleteObject(ApiRequest request, ResourceType type, String namespace, String name, DeleteOptions opts) {
        for (int attempt = 1; ; attempt++) {
            StoredObject current = ctx.objects().require(type, namespace, name);
            try {
                return delete(request, type, current, opts);
            } catch (StatusException e) {
                if (!"Conflict".equals(e.reason()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Reply delete(ApiRequest request, ResourceType type, StoredObject current, DeleteOptions opts) {
        checkPreconditions(type, current, opts);
        ObjectNode next = current.object().deepCopy();
        List<String> finalizers = withPolicy(ObjectMeta.finalizers(next), opts.propagation());
        if (finalizers.isEmpty() && !type.rules().holdsDeletion(next)) {
            if (!opts.dryRun()) {
                ctx.objects().delete(type, ObjectMeta.namespace(next), ObjectMeta.name(next), current.revision());
            }
            return Reply.json(200, success(type, next));
        }
        ObjectMeta.setFinalizers(next, finalizers);
        markDeleting(type, next);
        type.rules().onDeletionStarted(next);
        if (next.equals(current.object()) || opts.dryRun()) {
            return responses.object(request, type, next, 200);
        }
        StoredObject updated = ctx.objects().update(type, next, current.revision());
        return responses.object(request, type, updated.object(), 200);
    }

    /** The object with deletionTimestamp set (once) and generation bumped as upstream does. */
    void markDeleting(ResourceType type, ObjectNode object) {
        ObjectNode meta = ObjectMeta.of(object);
        if (!ObjectMeta.isDeleting(object)) {
            meta.put("deletionTimestamp", Times.format(ctx.clock().instant()));
            meta.put("deletionGracePeriodSeconds", 0);
            if (ObjectMeta.generation(object) > 0) {
                meta.put("generation", ObjectMeta.generation(object) + 1);
            }
        }
    }

    /** Finalizers after applying a propagation policy (unspecified keeps what the object has). */
    static List<String> withPolicy(List<String> finalizers, String policy) {
        if (policy.isEmpty()) {
            return finalizers;
        }
        List<String> out = new ArrayList<>(finalizers);
        out.remove(ORPHAN);
        out.remove(FOREGROUND);
        if (policy.equals("Orphan")) {
            out.add(ORPHAN);
        } else if (policy.equals("Foreground")) {
            out.add(FOREGROUND);
        }
        return out;
    }

    private static void checkPreconditions(ResourceType type, StoredObject current, DeleteOptions opts) {
        String uid = ObjectMeta.uid(current.object());
        if (!opts.uidPrecondition().isEmpty() && !opts.uidPrecondition().equals(uid)) {
            throw StatusException.conflict(type.gvr(), ObjectMeta.name(current.object()),
                    "Precondition failed: UID in precondition: " + opts.uidPrecondition() + ", UID in object meta: " + uid);
        }
        String rv = Long.toString(current.revision());
        if (!opts.resourceVersionPrecondition().isEmpty() && !opts.resourceVersionPrecondition().equals(rv)) {
            throw StatusException.conflict(type.gvr(), ObjectMeta.name(current.object()),
                    "Precondition failed: ResourceVersion in precondition: " + opts.resourceVersionPrecondition()
                            + ", ResourceVersion in object meta: " + rv);
        }
    }

    static ObjectNode success(ResourceType type, ObjectNode object) {
        ObjectNode s = Json.object();
        s.put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Success");
        ObjectNode d = s.putObject("details");
        d.put("name", ObjectMeta.name(object));
        if (!type.definition().group().isEmpty()) {
            d.put("group", type.definition().group());
        }
        d.put("kind", type.definition().plural());
        d.put("uid", ObjectMeta.uid(object));
        return s;
    }

    /** DELETE on a collection: deletes every selected object, returning the list of what was deleted. */
    public Reply handleCollection(ApiRequest request, RequestInfo info, ResourceType type) {
        DeleteOptions opts = DeleteOptions.from(request);
        Selection selection = Selection.from(request, type);
        List<ObjectNode> deleted = new ArrayList<>();
        for (ObjectNode o : ctx.objects().list(type, info.namespace(), 0, null, 0, selection).items()) {
            try {
                StoredObject current = ctx.objects().require(type, ObjectMeta.namespace(o), ObjectMeta.name(o));
                delete(request, type, current, opts);
                deleted.add(current.object());
            } catch (StatusException e) {
                if (e.code() != 404 && e.code() != 409) {
                    throw e;
                }
            }
        }
        ObjectNode meta = Json.object();
        meta.put("resourceVersion", Long.toString(ctx.objects().currentRevision()));
        return Reply.json(200, Responses.listObject(type, deleted, meta));
    }
}
