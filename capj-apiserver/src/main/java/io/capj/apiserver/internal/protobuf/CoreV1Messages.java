package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.MetaV1Messages.OBJECT_META;
import static io.capj.apiserver.internal.protobuf.Scalar.BOOL;
import static io.capj.apiserver.internal.protobuf.Scalar.BYTES;
import static io.capj.apiserver.internal.protobuf.Scalar.INT32;
import static io.capj.apiserver.internal.protobuf.Scalar.STRING;
import static io.capj.apiserver.internal.protobuf.WellKnown.MICRO_TIME;
import static io.capj.apiserver.internal.protobuf.WellKnown.TIME;

/**
 * Tables for the core/v1 kinds clients send as protobuf: Namespace, ConfigMap, Secret, ServiceAccount, Event.
 * Field numbers: k8s.io/api {@code core/v1/generated.proto}; JSON names and omission: {@code core/v1/types.go}.
 * Node is in {@link NodeMessages}.
 */
final class CoreV1Messages {
    static final ProtoMessage OBJECT_REFERENCE = ProtoMessage.builder("ObjectReference")
            .omitEmpty(1, "kind", STRING)
            .omitEmpty(2, "namespace", STRING)
            .omitEmpty(3, "name", STRING)
            .omitEmpty(4, "uid", STRING)
            .omitEmpty(5, "apiVersion", STRING)
            .omitEmpty(6, "resourceVersion", STRING)
            .omitEmpty(7, "fieldPath", STRING)
            .build();

    static final ProtoMessage LOCAL_OBJECT_REFERENCE = ProtoMessage.builder("LocalObjectReference")
            .omitEmpty(1, "name", STRING)
            .build();

    static final ProtoMessage NAMESPACE_CONDITION = ProtoMessage.builder("NamespaceCondition")
            .always(1, "type", STRING)
            .always(2, "status", STRING)
            .omitEmpty(4, "lastTransitionTime", TIME)
            .omitEmpty(5, "reason", STRING)
            .omitEmpty(6, "message", STRING)
            .build();

    static final ProtoMessage NAMESPACE = ProtoMessage.builder("Namespace")
            .omitEmpty(1, "metadata", OBJECT_META)
            .omitEmpty(2, "spec", ProtoMessage.builder("NamespaceSpec")
                    .list(1, "finalizers", STRING)
                    .build())
            .omitEmpty(3, "status", ProtoMessage.builder("NamespaceStatus")
                    .omitEmpty(1, "phase", STRING)
                    .list(2, "conditions", NAMESPACE_CONDITION)
                    .build())
            .build();

    static final ProtoMessage CONFIG_MAP = ProtoMessage.builder("ConfigMap")
            .omitEmpty(1, "metadata", OBJECT_META)
            .pointer(4, "immutable", BOOL)
            .map(2, "data", STRING)
            .map(3, "binaryData", BYTES)
            .build();

    static final ProtoMessage SECRET = ProtoMessage.builder("Secret")
            .omitEmpty(1, "metadata", OBJECT_META)
            .pointer(5, "immutable", BOOL)
            .map(2, "data", BYTES)
            .map(4, "stringData", STRING)
            .omitEmpty(3, "type", STRING)
            .build();

    static final ProtoMessage SERVICE_ACCOUNT = ProtoMessage.builder("ServiceAccount")
            .omitEmpty(1, "metadata", OBJECT_META)
            .list(2, "secrets", OBJECT_REFERENCE)
            .list(3, "imagePullSecrets", LOCAL_OBJECT_REFERENCE)
            .pointer(4, "automountServiceAccountToken", BOOL)
            .build();

    static final ProtoMessage EVENT = ProtoMessage.builder("Event")
            .always(1, "metadata", OBJECT_META)
            .always(2, "involvedObject", OBJECT_REFERENCE)
            .omitEmpty(3, "reason", STRING)
            .omitEmpty(4, "message", STRING)
            .omitEmpty(5, "source", ProtoMessage.builder("EventSource")
                    .omitEmpty(1, "component", STRING)
                    .omitEmpty(2, "host", STRING)
                    .build())
            .omitEmpty(6, "firstTimestamp", TIME)
            .omitEmpty(7, "lastTimestamp", TIME)
            .omitEmpty(8, "count", INT32)
            .omitEmpty(9, "type", STRING)
            .omitEmpty(10, "eventTime", MICRO_TIME)
            .pointer(11, "series", ProtoMessage.builder("EventSeries")
                    .omitEmpty(1, "count", INT32)
                    .omitEmpty(2, "lastObservedTime", MICRO_TIME)
                    .build())
            .omitEmpty(12, "action", STRING)
            .pointer(13, "related", OBJECT_REFERENCE)
            .always(14, "reportingComponent", STRING)
            .always(15, "reportingInstance", STRING)
            .build();

    private CoreV1Messages() {
    }
}
