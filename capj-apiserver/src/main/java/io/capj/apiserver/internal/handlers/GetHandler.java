package io.capj.apiserver.internal.handlers;

import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;

/** GET of one object, its status or its scale. */
public final class GetHandler {
    private final ApiContext ctx;
    private final Responses responses;

    public GetHandler(ApiContext ctx, Responses responses) {
        this.ctx = ctx;
        this.responses = responses;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        StoredObject found = ctx.objects().require(type, info.namespace(), info.name());
        return switch (info.subresource()) {
            case "" -> responses.object(request, type, found.object(), 200);
            case "status" -> {
                Subresources.requireStatus(type);
                yield responses.plain(found.object(), 200);
            }
            case "scale" -> responses.plain(Subresources.scaleOf(type, found.object()), 200);
            default -> throw StatusException.pathNotFound();
        };
    }
}
