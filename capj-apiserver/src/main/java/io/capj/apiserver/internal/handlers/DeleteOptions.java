package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;

/**
 * DeleteOptions from the body (kubectl and fabric8 send one) or the query: propagation policy,
 * preconditions and dry run.
 *
 * @param propagation {@code Foreground}, {@code Background}, {@code Orphan}, or "" when unspecified
 */
record DeleteOptions(String propagation, String uidPrecondition, String resourceVersionPrecondition, boolean dryRun) {

    static DeleteOptions from(ApiRequest request) {
        return from(request.body().length == 0 ? Json.object() : Bodies.tree(request), request);
    }

    /** Options from a DeleteOptions object (e.g. an Eviction's {@code deleteOptions}) and the request's query. */
    static DeleteOptions from(JsonNode body, ApiRequest request) {
        String policy = text(body, "propagationPolicy", request.param("propagationPolicy"));
        JsonNode orphan = body.get("orphanDependents");
        if (policy.isEmpty() && orphan != null && !orphan.isNull()) {
            policy = orphan.asBoolean() ? "Orphan" : "Background";
        }
        if (!policy.isEmpty() && !policy.equals("Foreground") && !policy.equals("Background") && !policy.equals("Orphan")) {
            throw StatusException.badRequest("propagationPolicy: Unsupported value: \"" + policy
                    + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        JsonNode pre = body.path("preconditions");
        boolean dryRun = request.dryRun() || body.path("dryRun").size() > 0;
        return new DeleteOptions(policy, pre.path("uid").asText(""), pre.path("resourceVersion").asText(""), dryRun);
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
