package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.MediaTypes;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;
import java.util.List;

/**
 * PATCH of an object, its status or its scale: JSON patch, merge patch, strategic merge patch (built-in
 * kinds only) and server-side apply. Without a resourceVersion in the patch, a concurrent write is
 * retried against the fresh object, as upstream does.
 */
public final class PatchHandler {
    private static final int ATTEMPTS = 5;
    private static final GroupVersionKind PATCH_OPTIONS = new GroupVersionKind("meta.k8s.io", "", "PatchOptions");
    private static final String ACCEPTED = "the body of the request was in an unknown format - accepted media types"
            + " include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

    private final ApiContext ctx;
    private final ObjectWriter writer;
    private final FieldManager fields;
    private final Responses responses;

    public PatchHandler(ApiContext ctx, ObjectWriter writer, FieldManager fields, Responses responses) {
        this.ctx = ctx;
        this.writer = writer;
        this.fields = fields;
        this.responses = responses;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        String patchType = request.contentType();
        checkPatchType(type, patchType);
        WriteOptions opts = WriteOptions.from(request);
        boolean apply = patchType.equals(MediaTypes.APPLY_PATCH);
        if (!apply && request.hasParam("force")) {
            throw StatusException.invalid(PATCH_OPTIONS, "",
                    List.of(FieldError.forbidden("force", "may not be specified for non-apply patch")));
        }
        if (apply && request.param("fieldManager").isEmpty()) {
            throw StatusException.invalid(PATCH_OPTIONS, "",
                    List.of(FieldError.required("fieldManager", "is required for apply patch")));
        }
        JsonNode patch = Bodies.tree(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(request, info, type, patchType, patch, opts);
            } catch (StatusException e) {
                if (!"Conflict".equals(e.reason()) || e.details() != null && e.details().has("causes")
                        || patchPinsVersion(patch) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void checkPatchType(ResourceType type, String patchType) {
        switch (patchType) {
            case MediaTypes.JSON_PATCH, MediaTypes.MERGE_PATCH, MediaTypes.APPLY_PATCH -> {
            }
            case MediaTypes.STRATEGIC_MERGE_PATCH -> {
                if (type.isCustomResource()) {
                    throw StatusException.unsupportedMediaType(ACCEPTED);
                }
            }
            default -> throw StatusException.unsupportedMediaType(ACCEPTED);
        }
    }

    private static boolean patchPinsVersion(JsonNode patch) {
        if (patch.isObject()) {
            return !patch.path("metadata").path("resourceVersion").asText("").isEmpty();
        }
        for (JsonNode op : patch) {
            if (op.path("path").asText().equals("/metadata/resourceVersion")) {
                return true;
            }
        }
        return false;
    }

    private Reply attempt(ApiRequest request, RequestInfo info, ResourceType type, String patchType, JsonNode patch,
                          WriteOptions opts) {
        StoredObject current = ctx.objects().get(type, info.namespace(), info.name());
        if (current == null) {
            if (patchType.equals(MediaTypes.APPLY_PATCH) && info.subresource().isEmpty()) {
                return applyCreate(request, info, type, patch, opts);
            }
            throw StatusException.notFound(type.gvr(), info.name());
        }
        return switch (info.subresource()) {
            case "" -> patchObject(request, type, "", patchType, patch, current, opts);
            case "status" -> {
                Subresources.requireStatus(type);
                yield patchObject(request, type, "status", patchType, patch, current, opts);
            }
            case "scale" -> patchScale(type, patchType, patch, current, opts);
            default -> throw StatusException.pathNotFound();
        };
    }

    private Reply patchObject(ApiRequest request, ResourceType type, String sub, String patchType, JsonNode patch,
                              StoredObject current, WriteOptions opts) {
        boolean apply = patchType.equals(MediaTypes.APPLY_PATCH);
        ObjectNode next = apply
                ? fields.apply(type, current.object(), applied(type, patch, current.object()), opts.manager(),
                        request.flag("force"), sub)
                : Patches.apply(type, patchType, current.object(), patch);
        checkIdentity(type, next, current.object());
        StoredObject updated = writer.update(type, sub, next, current, opts, apply);
        return responses.object(request, type, updated.object(), 200).warn(opts.warnings());
    }

    private Reply patchScale(ResourceType type, String patchType, JsonNode patch, StoredObject current,
                             WriteOptions opts) {
        ObjectNode scale = Subresources.scaleOf(type, current.object());
        ObjectNode patchedScale = Patches.applyPlain(patchType, scale, patch);
        String rv = ObjectMeta.resourceVersion(patchedScale);
        if (!rv.isEmpty() && !rv.equals(Long.toString(current.revision()))) {
            throw StatusException.conflict(type.gvr(), ObjectMeta.name(current.object()));
        }
        ObjectNode next = current.object().deepCopy();
        Subresources.applyScale(type, next, patchedScale);
        StoredObject updated = writer.update(type, "", next, current, opts, false);
        return responses.plain(Subresources.scaleOf(type, updated.object()), 200).warn(opts.warnings());
    }

    private Reply applyCreate(ApiRequest request, RequestInfo info, ResourceType type, JsonNode patch,
                              WriteOptions opts) {
        ObjectNode config = applied(type, patch, null);
        Bodies.reconcileNamespace(config, type, info.namespace());
        UpdateHandler.checkName(config, info);
        ObjectNode created = fields.apply(type, null, config, opts.manager(), request.flag("force"), "");
        ObjectMeta.of(created).remove("resourceVersion");
        StoredObject stored = writer.create(type, created, opts, true);
        return responses.object(request, type, stored.object(), 201).warn(opts.warnings());
    }

    /** The applied configuration: an object of the right kind naming the right object. */
    private static ObjectNode applied(ResourceType type, JsonNode patch, ObjectNode live) {
        if (!(patch instanceof ObjectNode config)) {
            throw StatusException.badRequest("error decoding YAML: the applied configuration must be an object");
        }
        ObjectNode copy = config.deepCopy();
        if (copy.path("apiVersion").asText("").isEmpty() || copy.path("kind").asText("").isEmpty()) {
            throw StatusException.badRequest("invalid object type: apiVersion and kind must be set in an apply patch");
        }
        Bodies.checkKind(copy, type);
        if (live != null && !ObjectMeta.name(copy).isEmpty() && !ObjectMeta.name(copy).equals(ObjectMeta.name(live))) {
            throw StatusException.badRequest("the name of the object (" + ObjectMeta.name(copy)
                    + ") does not match the name on the URL (" + ObjectMeta.name(live) + ")");
        }
        return copy;
    }

    /** A patch may not rename or move an object; a resourceVersion it sets is an optimistic lock. */
    private static void checkIdentity(ResourceType type, ObjectNode next, ObjectNode current) {
        if (!ObjectMeta.name(next).equals(ObjectMeta.name(current))
                || !ObjectMeta.namespace(next).equals(ObjectMeta.namespace(current))) {
            throw StatusException.badRequest("the name or namespace of the object cannot be changed by a patch");
        }
        String rv = ObjectMeta.resourceVersion(next);
        if (!rv.isEmpty() && !rv.equals(ObjectMeta.resourceVersion(current))) {
            throw StatusException.conflict(type.gvr(), ObjectMeta.name(current));
        }
        Bodies.checkKind(next, type);
    }
}
