package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.MetaV1Messages.OBJECT_META;
import static io.capj.apiserver.internal.protobuf.MetaV1Messages.SELECTOR_REQUIREMENT;
import static io.capj.apiserver.internal.protobuf.Scalar.BOOL;
import static io.capj.apiserver.internal.protobuf.Scalar.INT64;
import static io.capj.apiserver.internal.protobuf.Scalar.STRING;
import static io.capj.apiserver.internal.protobuf.WellKnown.STRING_LIST;
import static io.capj.apiserver.internal.protobuf.WellKnown.TIME;

/**
 * Tables for the review and token kinds kubectl creates: authorization.k8s.io/v1 SelfSubjectAccessReview
 * ({@code auth can-i}), authentication.k8s.io SelfSubjectReview ({@code auth whoami}; v1, v1beta1 and v1alpha1
 * share the layout) and authentication.k8s.io/v1 TokenRequest ({@code create token}). Field numbers: k8s.io/api
 * {@code authorization/v1/generated.proto} and {@code authentication/v1/generated.proto}; JSON names and
 * omission: the matching {@code types.go}.
 */
final class ReviewMessages {
    private static final ProtoMessage SELECTOR_ATTRIBUTES = ProtoMessage.builder("SelectorAttributes")
            .omitEmpty(1, "rawSelector", STRING)
            .list(2, "requirements", SELECTOR_REQUIREMENT)
            .build();

    static final ProtoMessage SELF_SUBJECT_ACCESS_REVIEW = ProtoMessage.builder("SelfSubjectAccessReview")
            .omitEmpty(1, "metadata", OBJECT_META)
            .always(2, "spec", ProtoMessage.builder("SelfSubjectAccessReviewSpec")
                    .pointer(1, "resourceAttributes", ProtoMessage.builder("ResourceAttributes")
                            .omitEmpty(1, "namespace", STRING)
                            .omitEmpty(2, "verb", STRING)
                            .omitEmpty(3, "group", STRING)
                            .omitEmpty(4, "version", STRING)
                            .omitEmpty(5, "resource", STRING)
                            .omitEmpty(6, "subresource", STRING)
                            .omitEmpty(7, "name", STRING)
                            .pointer(8, "fieldSelector", SELECTOR_ATTRIBUTES)
                            .pointer(9, "labelSelector", SELECTOR_ATTRIBUTES)
                            .build())
                    .pointer(2, "nonResourceAttributes", ProtoMessage.builder("NonResourceAttributes")
                            .omitEmpty(1, "path", STRING)
                            .omitEmpty(2, "verb", STRING)
                            .build())
                    .build())
            .omitEmpty(3, "status", ProtoMessage.builder("SubjectAccessReviewStatus")
                    .always(1, "allowed", BOOL)
                    .omitEmpty(4, "denied", BOOL)
                    .omitEmpty(2, "reason", STRING)
                    .omitEmpty(3, "evaluationError", STRING)
                    .build())
            .build();

    static final ProtoMessage SELF_SUBJECT_REVIEW = ProtoMessage.builder("SelfSubjectReview")
            .omitEmpty(1, "metadata", OBJECT_META)
            .omitEmpty(2, "status", ProtoMessage.builder("SelfSubjectReviewStatus")
                    .omitEmpty(1, "userInfo", ProtoMessage.builder("UserInfo")
                            .omitEmpty(1, "username", STRING)
                            .omitEmpty(2, "uid", STRING)
                            .list(3, "groups", STRING)
                            .map(4, "extra", STRING_LIST)
                            .build())
                    .build())
            .build();

    static final ProtoMessage TOKEN_REQUEST = ProtoMessage.builder("TokenRequest")
            .omitEmpty(1, "metadata", OBJECT_META)
            .always(2, "spec", ProtoMessage.builder("TokenRequestSpec")
                    .listOrNull(1, "audiences", STRING)
                    .pointerOrNull(4, "expirationSeconds", INT64)
                    .pointerOrNull(3, "boundObjectRef", ProtoMessage.builder("BoundObjectReference")
                            .omitEmpty(1, "kind", STRING)
                            .omitEmpty(2, "apiVersion", STRING)
                            .omitEmpty(3, "name", STRING)
                            .omitEmpty(4, "uid", STRING)
                            .build())
                    .map(5, "attestations", STRING_LIST)
                    .build())
            .omitEmpty(3, "status", ProtoMessage.builder("TokenRequestStatus")
                    .always(1, "token", STRING)
                    .always(2, "expirationTimestamp", TIME)
                    .build())
            .build();

    private ReviewMessages() {
    }
}
