package io.capj.apiserver.internal.protobuf;

/** What a protobuf field holds: a wire primitive, one of apimachinery's hand-marshalled types, or a message. */
sealed interface ValueType permits Scalar, WellKnown, ProtoMessage {
    /** The protobuf wire type one value of this type arrives with (not packed). */
    int wireType();
}
