package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;

/** PUT of an object, its status or its scale, with resourceVersion as the optimistic lock. */
public final class UpdateHandler {
    private final ApiContext ctx;
    private final ObjectWriter writer;
    private final Responses responses;

    public UpdateHandler(ApiContext ctx, ObjectWriter writer, Responses responses) {
        this.ctx = ctx;
        this.writer = writer;
        this.responses = responses;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        WriteOptions opts = WriteOptions.from(request);
        if (info.subresource().equals("scale")) {
            return updateScale(request, info, type, opts);
        }
        if (info.subresource().equals("status")) {
            Subresources.requireStatus(type);
        } else if (!info.subresource().isEmpty() && !isNamespaceFinalize(type, info)) {
            throw StatusException.pathNotFound();
        }
        ObjectNode candidate = Bodies.object(request, type, info.namespace());
        checkName(candidate, info);
        StoredObject current = ctx.objects().get(type, info.namespace(), info.name());
        if (current == null) {
            if (type.rules().allowCreateOnUpdate() && info.subresource().isEmpty()) {
                ObjectMeta.of(candidate).remove("resourceVersion");
                return responses.object(request, type, writer.create(type, candidate, opts, false).object(), 201)
                        .warn(opts.warnings());
            }
            throw StatusException.notFound(type.gvr(), info.name());
        }
        ObjectWriter.checkResourceVersion(type, candidate, current);
        StoredObject updated = writer.update(type, info.subresource(), candidate, current, opts, false);
        return responses.object(request, type, updated.object(), 200).warn(opts.warnings());
    }

    /** {@code PUT /api/v1/namespaces/<n>/finalize} replaces spec.finalizers; served like a main write. */
    private static boolean isNamespaceFinalize(ResourceType type, RequestInfo info) {
        return info.subresource().equals("finalize") && type.definition().kind().equals("Namespace");
    }

    static void checkName(ObjectNode candidate, RequestInfo info) {
        String name = ObjectMeta.name(candidate);
        if (name.isEmpty()) {
            ObjectMeta.of(candidate).put("name", info.name());
        } else if (!name.equals(info.name())) {
            throw StatusException.badRequest("the name of the object (" + name
                    + ") does not match the name on the URL (" + info.name() + ")");
        }
    }

    private Reply updateScale(ApiRequest request, RequestInfo info, ResourceType type, WriteOptions opts) {
        Subresources.requireScale(type);
        var scale = Bodies.tree(request);
        StoredObject current = ctx.objects().require(type, info.namespace(), info.name());
        String rv = scale.path("metadata").path("resourceVersion").asText("");
        if (!rv.isEmpty() && !rv.equals(Long.toString(current.revision()))) {
            throw StatusException.conflict(type.gvr(), info.name());
        }
        ObjectNode next = current.object().deepCopy();
        Subresources.applyScale(type, next, scale);
        StoredObject updated = writer.update(type, "", next, current, opts, false);
        return responses.plain(Subresources.scaleOf(type, updated.object()), 200).warn(opts.warnings());
    }

}
