package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Decoding.assertDecodes;
import static io.capj.apiserver.internal.protobuf.Wire.envelope;
import static io.capj.apiserver.internal.protobuf.Wire.kubectlMeta;
import static io.capj.apiserver.internal.protobuf.Wire.message;
import static io.capj.apiserver.internal.protobuf.Wire.time;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ConfigMap, Secret, ServiceAccount and Event as a Go client marshals them. */
class CoreV1DecodingTest {

    @Test
    void configMapKeepsAnExplicitFalseImmutableAndBase64sBinaryData() {
        Wire configMap = message()
                .message(1, kubectlMeta("cm1", "default"))
                .entry(2, "k", "v")
                .entry(3, "bin", new byte[] {0, 1, 2, (byte) 0xff})
                .bool(4, false);

        assertDecodes(envelope("v1", "ConfigMap", configMap), """
                {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm1","namespace":"default"},
                 "immutable":false,"data":{"k":"v"},"binaryData":{"bin":"AAEC/w=="}}
                """);
    }

    @Test
    void secretCarriesDataAsBase64StringDataAsTextAndItsType() {
        Wire secret = message()
                .message(1, kubectlMeta("s1", "default"))
                .entry(2, "pw", "s3cret".getBytes(StandardCharsets.UTF_8))
                .string(3, "Opaque")
                .entry(4, "plain", "text")
                .bool(5, true);

        assertDecodes(envelope("v1", "Secret", secret), """
                {"kind":"Secret","apiVersion":"v1","metadata":{"name":"s1","namespace":"default"},
                 "immutable":true,"data":{"pw":"czNjcmV0"},"stringData":{"plain":"text"},"type":"Opaque"}
                """);
    }

    @Test
    void serviceAccountListsReferencesAndAutomount() {
        Wire serviceAccount = message()
                .message(1, kubectlMeta("sa1", "default"))
                .message(2, message().string(1, "").string(2, "").string(3, "tok").string(4, "").string(5, "")
                        .string(6, "").string(7, ""))
                .message(3, message().string(1, "reg"))
                .bool(4, false);

        assertDecodes(envelope("v1", "ServiceAccount", serviceAccount), """
                {"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"sa1","namespace":"default"},
                 "secrets":[{"name":"tok"}],"imagePullSecrets":[{"name":"reg"}],"automountServiceAccountToken":false}
                """);
    }

    @Test
    void eventWritesTimesMicroTimesAndItsAlwaysPresentFields() {
        Wire event = message()
                .message(1, kubectlMeta("c1.17f", "default"))
                .message(2, message().string(1, "Cluster").string(2, "default").string(3, "c1").string(4, "u")
                        .string(5, "cluster.x-k8s.io/v1beta2").string(6, "").string(7, ""))
                .string(3, "Scaled").string(4, "scaled up")
                .message(5, message().string(1, "capj").string(2, ""))
                .message(6, time(1795000000, 0))
                .message(7, message()) // zero time: Go writes null, the field has no omitzero
                .varint(8, 2)
                .string(9, "Normal")
                .message(10, time(1795000000, 123456789))
                .message(11, message().varint(1, 2).message(2, time(1795000060, 5999)))
                .string(12, "")
                .string(14, "capj-controller")
                .string(15, "");

        assertDecodes(envelope("v1", "Event", event), """
                {"kind":"Event","apiVersion":"v1","metadata":{"name":"c1.17f","namespace":"default"},
                 "involvedObject":{"kind":"Cluster","namespace":"default","name":"c1","uid":"u",
                   "apiVersion":"cluster.x-k8s.io/v1beta2"},
                 "reason":"Scaled","message":"scaled up","source":{"component":"capj"},
                 "firstTimestamp":"2026-11-18T11:06:40Z","lastTimestamp":null,"count":2,"type":"Normal",
                 "eventTime":"2026-11-18T11:06:40.123456Z",
                 "series":{"count":2,"lastObservedTime":"2026-11-18T11:07:40.000005Z"},
                 "reportingComponent":"capj-controller","reportingInstance":""}
                """);
    }

    @Test
    void emptyEventStillWritesItsStructsAndRequiredStrings() {
        assertDecodes(envelope("v1", "Event", message()), """
                {"kind":"Event","apiVersion":"v1","metadata":{},"involvedObject":{},"source":{},
                 "firstTimestamp":null,"lastTimestamp":null,"eventTime":null,
                 "reportingComponent":"","reportingInstance":""}
                """);
    }
}
