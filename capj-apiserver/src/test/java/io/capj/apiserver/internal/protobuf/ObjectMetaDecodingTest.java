package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Decoding.assertDecodes;
import static io.capj.apiserver.internal.protobuf.Wire.envelope;
import static io.capj.apiserver.internal.protobuf.Wire.message;
import static io.capj.apiserver.internal.protobuf.Wire.time;

import org.junit.jupiter.api.Test;

/** Every ObjectMeta field, carried by a Namespace with spec and status (1795000000 s = 2026-11-18T11:06:40Z). */
class ObjectMetaDecodingTest {

    @Test
    void decodesEveryObjectMetaFieldAndNamespaceSpecAndStatus() {
        Wire meta = message()
                .string(1, "ns1").string(2, "ns-").string(3, "").string(4, "").string(5, "u-1").string(6, "42")
                .varint(7, 3)
                .message(8, time(1795000000, 999)) // Time drops nanos
                .message(9, time(1795000060, 0))
                .varint(10, 0) // a set pointer: written even though zero
                .entry(11, "b", "2").entry(11, "a", "1")
                .entry(12, "note", "x")
                .message(13, message().string(1, "Cluster").string(3, "c1").string(4, "u-c1")
                        .string(5, "cluster.x-k8s.io/v1beta2").bool(6, true))
                .string(14, "example.com/f").string(14, "kubernetes")
                .message(17, message().string(1, "kubectl-create").string(2, "Update").string(3, "v1")
                        .message(4, time(1795000000, 0)).string(6, "FieldsV1")
                        .message(7, message().string(1, "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:a\":{}}}}"))
                        .string(8, ""));
        Wire namespace = message()
                .message(1, meta)
                .message(2, message().string(1, "kubernetes"))
                .message(3, message().string(1, "Terminating")
                        .message(2, message().string(1, "NamespaceDeletionContentFailure").string(2, "False")
                                .message(4, message()).string(5, "").string(6, "m")));

        assertDecodes(envelope("v1", "Namespace", namespace), """
                {"kind":"Namespace","apiVersion":"v1",
                 "metadata":{"name":"ns1","generateName":"ns-","uid":"u-1","resourceVersion":"42","generation":3,
                   "creationTimestamp":"2026-11-18T11:06:40Z","deletionTimestamp":"2026-11-18T11:07:40Z",
                   "deletionGracePeriodSeconds":0,"labels":{"a":"1","b":"2"},"annotations":{"note":"x"},
                   "ownerReferences":[{"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster","name":"c1",
                     "uid":"u-c1","controller":true}],
                   "finalizers":["example.com/f","kubernetes"],
                   "managedFields":[{"manager":"kubectl-create","operation":"Update","apiVersion":"v1",
                     "time":"2026-11-18T11:06:40Z","fieldsType":"FieldsV1",
                     "fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:a":{}}}}}]},
                 "spec":{"finalizers":["kubernetes"]},
                 "status":{"phase":"Terminating","conditions":[{"type":"NamespaceDeletionContentFailure",
                   "status":"False","lastTransitionTime":null,"message":"m"}]}}
                """);
    }

    @Test
    void ownerReferenceWritesItsRequiredFieldsEvenWhenEmpty() {
        Wire meta = message().string(1, "cm").message(13, message());

        assertDecodes(envelope("v1", "ConfigMap", message().message(1, meta)), """
                {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm",
                 "ownerReferences":[{"apiVersion":"","kind":"","name":"","uid":""}]}}
                """);
    }
}
