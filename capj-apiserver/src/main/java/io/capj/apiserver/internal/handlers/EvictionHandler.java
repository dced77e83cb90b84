package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import java.util.Set;

/**
 * POST {@code /api/v1/namespaces/<ns>/pods/<name>/eviction} with a policy/v1 (or v1beta1) {@code Eviction}: deletes
 * the pod with the eviction's {@code deleteOptions} (preconditions, propagation, dry run) and answers 201 with a
 * {@code Success} Status, as upstream does. PodDisruptionBudgets are not served, so every eviction is allowed (no
 * 429). No kubelet runs, so a grace period does not delay the deletion: a pod without finalizers is gone at once.
 */
public final class EvictionHandler {
    private static final Set<String> API_VERSIONS = Set.of("policy/v1", "policy/v1beta1");

    private final DeleteHandler deletes;

    public EvictionHandler(DeleteHandler deletes) {
        this.deletes = deletes;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        if (!type.definition().evictionSubresource() || info.name().isEmpty()) {
            throw StatusException.pathNotFound();
        }
        if (!request.method().equals("POST")) {
            throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        JsonNode eviction = Bodies.tree(request);
        String apiVersion = eviction.path("apiVersion").asText("");
        String kind = eviction.path("kind").asText("");
        if (!apiVersion.isEmpty() && !API_VERSIONS.contains(apiVersion) || !kind.isEmpty() && !kind.equals("Eviction")) {
            throw StatusException.badRequest("the API version in the data (" + apiVersion + ") and kind (" + kind
                    + ") do not match an Eviction (policy/v1)");
        }
        JsonNode meta = eviction.path("metadata");
        if (!meta.path("name").asText("").equals(info.name())) {
            throw StatusException.badRequest("name in URL does not match name in Eviction object");
        }
        String namespace = meta.path("namespace").asText("");
        if (!namespace.isEmpty() && !namespace.equals(info.namespace())) {
            throw StatusException.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request");
        }
        JsonNode options = eviction.path("deleteOptions");
        deletes.deleteObject(request, type, info.namespace(), info.name(),
                DeleteOptions.from(options.isObject() ? options : Json.object(), request));
        return Reply.json(201, success());
    }

    private static ObjectNode success() {
        ObjectNode s = Json.object();
        s.put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Success");
        return s;
    }
}
