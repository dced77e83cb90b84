package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Scalar.BOOL;
import static io.capj.apiserver.internal.protobuf.Scalar.INT64;
import static io.capj.apiserver.internal.protobuf.Scalar.STRING;
import static io.capj.apiserver.internal.protobuf.WellKnown.FIELDS_V1;
import static io.capj.apiserver.internal.protobuf.WellKnown.TIME;

/**
 * Tables for meta.k8s.io/v1 messages embedded in every kind. Field numbers: k8s.io/apimachinery
 * {@code pkg/apis/meta/v1/generated.proto}; JSON names and omission: the struct tags in {@code types.go}
 * (upstream HEAD, mid-2026, where {@code creationTimestamp} is {@code omitzero}).
 */
final class MetaV1Messages {
    static final ProtoMessage OWNER_REFERENCE = ProtoMessage.builder("OwnerReference")
            .always(5, "apiVersion", STRING)
            .always(1, "kind", STRING)
            .always(3, "name", STRING)
            .always(4, "uid", STRING)
            .pointer(6, "controller", BOOL)
            .pointer(7, "blockOwnerDeletion", BOOL)
            .build();

    static final ProtoMessage MANAGED_FIELDS_ENTRY = ProtoMessage.builder("ManagedFieldsEntry")
            .omitEmpty(1, "manager", STRING)
            .omitEmpty(2, "operation", STRING)
            .omitEmpty(3, "apiVersion", STRING)
            .pointer(4, "time", TIME)
            .omitEmpty(6, "fieldsType", STRING)
            .pointer(7, "fieldsV1", FIELDS_V1)
            .omitEmpty(8, "subresource", STRING)
            .build();

    static final ProtoMessage OBJECT_META = ProtoMessage.builder("ObjectMeta")
            .omitEmpty(1, "name", STRING)
            .omitEmpty(2, "generateName", STRING)
            .omitEmpty(3, "namespace", STRING)
            .omitEmpty(4, "selfLink", STRING)
            .omitEmpty(5, "uid", STRING)
            .omitEmpty(6, "resourceVersion", STRING)
            .omitEmpty(7, "generation", INT64)
            .omitZero(8, "creationTimestamp", TIME)
            .pointer(9, "deletionTimestamp", TIME)
            .pointer(10, "deletionGracePeriodSeconds", INT64)
            .map(11, "labels", STRING)
            .map(12, "annotations", STRING)
            .list(13, "ownerReferences", OWNER_REFERENCE)
            .list(14, "finalizers", STRING)
            .list(17, "managedFields", MANAGED_FIELDS_ENTRY)
            .build();

    /** Same layout as {@code LabelSelectorRequirement}. */
    static final ProtoMessage SELECTOR_REQUIREMENT = ProtoMessage.builder("SelectorRequirement")
            .always(1, "key", STRING)
            .always(2, "operator", STRING)
            .list(3, "values", STRING)
            .build();

    private MetaV1Messages() {
    }
}
