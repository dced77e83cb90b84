package io.capj.apiserver.internal.protobuf;

import java.util.Map;

/**
 * The top-level kinds this package can decode, by envelope apiVersion and kind. Only layouts that were
 * checked against upstream's {@code generated.proto} are listed; anything else is answered with a 415 that
 * asks for JSON.
 */
final class KnownKinds {
    private static final Map<String, ProtoMessage> BY_TYPE = Map.ofEntries(
            Map.entry(key("v1", "Namespace"), CoreV1Messages.NAMESPACE),
            Map.entry(key("v1", "ConfigMap"), CoreV1Messages.CONFIG_MAP),
            Map.entry(key("v1", "Secret"), CoreV1Messages.SECRET),
            Map.entry(key("v1", "ServiceAccount"), CoreV1Messages.SERVICE_ACCOUNT),
            Map.entry(key("v1", "Event"), CoreV1Messages.EVENT),
            Map.entry(key("v1", "Node"), NodeMessages.NODE),
            Map.entry(key("coordination.k8s.io/v1", "Lease"), CoordinationV1Messages.LEASE),
            Map.entry(key("authorization.k8s.io/v1", "SelfSubjectAccessReview"),
                    ReviewMessages.SELF_SUBJECT_ACCESS_REVIEW),
            // kubectl auth whoami tries v1, then v1beta1, then v1alpha1; the three share one layout.
            Map.entry(key("authentication.k8s.io/v1", "SelfSubjectReview"), ReviewMessages.SELF_SUBJECT_REVIEW),
            Map.entry(key("authentication.k8s.io/v1beta1", "SelfSubjectReview"), ReviewMessages.SELF_SUBJECT_REVIEW),
            Map.entry(key("authentication.k8s.io/v1alpha1", "SelfSubjectReview"), ReviewMessages.SELF_SUBJECT_REVIEW),
            Map.entry(key("authentication.k8s.io/v1", "TokenRequest"), ReviewMessages.TOKEN_REQUEST));

    private KnownKinds() {
    }

    /** The table for this type, or null if this package cannot decode it. */
    static ProtoMessage lookup(String apiVersion, String kind) {
        return BY_TYPE.get(key(apiVersion, kind));
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + ", Kind=" + kind;
    }
}
