package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Decoding.assertDecodes;
import static io.capj.apiserver.internal.protobuf.Wire.envelope;
import static io.capj.apiserver.internal.protobuf.Wire.message;

import org.junit.jupiter.api.Test;

/** SelfSubjectAccessReview, SelfSubjectReview and TokenRequest beyond what kubectl's recorded bodies cover. */
class ReviewDecodingTest {

    @Test
    void selfSubjectAccessReviewWithSelectors() {
        Wire attributes = message()
                .string(1, "").string(2, "list").string(3, "cluster.x-k8s.io").string(4, "").string(5, "clusters")
                .string(6, "").string(7, "")
                .message(8, message().string(1, "").message(2, message().string(1, "metadata.name").string(2, "In")
                        .string(3, "a").string(3, "b")))
                .message(9, message().string(1, "env=dev"));
        Wire review = message()
                .message(1, message())
                .message(2, message().message(1, attributes))
                .message(3, message().bool(1, false).string(2, "").string(3, "").bool(4, false));

        assertDecodes(envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", review), """
                {"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{},
                 "spec":{"resourceAttributes":{"verb":"list","group":"cluster.x-k8s.io","resource":"clusters",
                   "fieldSelector":{"requirements":[{"key":"metadata.name","operator":"In","values":["a","b"]}]},
                   "labelSelector":{"rawSelector":"env=dev"}}},
                 "status":{"allowed":false}}
                """);
    }

    @Test
    void selfSubjectReviewWithUserInfoAndExtra() {
        Wire userInfo = message()
                .string(1, "admin").string(2, "1").string(3, "system:masters").string(3, "system:authenticated")
                .entry(4, "scopes", message().string(1, "a").string(1, "b"))
                .entry(4, "empty", message());

        assertDecodes(envelope("authentication.k8s.io/v1", "SelfSubjectReview",
                message().message(1, message()).message(2, message().message(1, userInfo))), """
                {"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/v1","metadata":{},
                 "status":{"userInfo":{"username":"admin","uid":"1",
                   "groups":["system:masters","system:authenticated"],"extra":{"empty":null,"scopes":["a","b"]}}}}
                """);
    }

    @Test
    void tokenRequestWithAudiencesExpiryAndBoundObject() {
        Wire spec = message()
                .string(1, "https://kubernetes.default.svc")
                .message(3, message().string(1, "Secret").string(2, "v1").string(3, "s").string(4, "u"))
                .varint(4, 3600);

        assertDecodes(envelope("authentication.k8s.io/v1", "TokenRequest",
                message().message(1, message()).message(2, spec).message(3, message().string(1, "")
                        .message(2, message()))), """
                {"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","metadata":{},
                 "spec":{"audiences":["https://kubernetes.default.svc"],"expirationSeconds":3600,
                   "boundObjectRef":{"kind":"Secret","apiVersion":"v1","name":"s","uid":"u"}},
                 "status":{"token":"","expirationTimestamp":null}}
                """);
    }
}
