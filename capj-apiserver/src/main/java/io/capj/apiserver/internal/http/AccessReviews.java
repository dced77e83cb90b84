package io.capj.apiserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.security.UserInfo;

/**
 * The review APIs kubectl calls: {@code auth can-i} (SelfSubjectAccessReview) and {@code auth whoami}
 * (SelfSubjectReview). They are answered, never stored. Every authenticated user is cluster-admin until
 * RBAC exists, so every access review is allowed.
 */
final class AccessReviews {
    private AccessReviews() {
    }

    /** The reply for {@code info}, or null if the path is not a review API. */
    static Reply handle(ApiRequest request, RequestInfo info, JsonNode body) {
        if (info.group().equals("authorization.k8s.io") && info.resource().equals("selfsubjectaccessreviews")) {
            return Reply.json(201, accessReview(body));
        }
        if (info.group().equals("authentication.k8s.io") && info.resource().equals("selfsubjectreviews")) {
            return Reply.json(201, selfReview(info.version(), request.user()));
        }
        return null;
    }

    static boolean isReview(RequestInfo info) {
        return info.group().equals("authorization.k8s.io") && info.resource().equals("selfsubjectaccessreviews")
                || info.group().equals("authentication.k8s.io") && info.resource().equals("selfsubjectreviews");
    }

    private static ObjectNode accessReview(JsonNode body) {
        if (!body.path("spec").isObject()) {
            throw StatusException.badRequest("SelfSubjectAccessReview: spec is required");
        }
        ObjectNode review = (ObjectNode) body.deepCopy();
        review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
        review.withObjectProperty("metadata").put("creationTimestamp", (String) null);
        review.putObject("status").put("allowed", true).put("reason", "capj: every authenticated user is cluster-admin");
        return review;
    }

    private static ObjectNode selfReview(String version, UserInfo user) {
        ObjectNode review = Json.object();
        review.put("apiVersion", "authentication.k8s.io/" + version).put("kind", "SelfSubjectReview");
        review.putObject("metadata").putNull("creationTimestamp");
        ObjectNode info = review.putObject("status").putObject("userInfo");
        info.put("username", user.name());
        if (user.uid() != null && !user.uid().isEmpty()) {
            info.put("uid", user.uid());
        }
        var groups = info.putArray("groups");
        user.groups().forEach(groups::add);
        return review;
    }
}
