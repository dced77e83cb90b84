package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.MetaV1Messages.OBJECT_META;
import static io.capj.apiserver.internal.protobuf.Scalar.INT32;
import static io.capj.apiserver.internal.protobuf.Scalar.STRING;
import static io.capj.apiserver.internal.protobuf.WellKnown.MICRO_TIME;

/**
 * The coordination.k8s.io/v1 Lease table. Field numbers: k8s.io/api {@code coordination/v1/generated.proto};
 * JSON names and omission: {@code coordination/v1/types.go} (every spec field is a pointer).
 */
final class CoordinationV1Messages {
    static final ProtoMessage LEASE = ProtoMessage.builder("Lease")
            .omitEmpty(1, "metadata", OBJECT_META)
            .omitEmpty(2, "spec", ProtoMessage.builder("LeaseSpec")
                    .pointer(1, "holderIdentity", STRING)
                    .pointer(2, "leaseDurationSeconds", INT32)
                    .pointer(3, "acquireTime", MICRO_TIME)
                    .pointer(4, "renewTime", MICRO_TIME)
                    .pointer(5, "leaseTransitions", INT32)
                    .pointer(6, "strategy", STRING)
                    .pointer(7, "preferredHolder", STRING)
                    .build())
            .build();

    private CoordinationV1Messages() {
    }
}
