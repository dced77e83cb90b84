package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;

/** POST on a collection: 201 with the stored object. */
public final class CreateHandler {
    private final ObjectWriter writer;
    private final Responses responses;

    public CreateHandler(ObjectWriter writer, Responses responses) {
        this.writer = writer;
        this.responses = responses;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        if (!info.name().isEmpty() || !info.subresource().isEmpty()) {
            throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        WriteOptions opts = WriteOptions.from(request);
        ObjectNode object = Bodies.object(request, type, info.namespace());
        StoredObject created = writer.create(type, object, opts, false);
        return responses.object(request, type, created.object(), 201).warn(opts.warnings());
    }
}
