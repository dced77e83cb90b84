package io.capj.apiserver.internal.protobuf;

import com.google.protobuf.WireFormat;

/**
 * One field of a hand-written message table: its protobuf number, its JSON name, what it holds, and how the Go
 * struct declares it ({@link Shape}) and tags it ({@link Omission}), which together decide what JSON a Go
 * client would have written for it.
 */
record ProtoField(int number, String json, ValueType type, Shape shape, Omission omission) {

    /** How the Go struct holds the field. */
    enum Shape {
        /** A plain value ({@code string}, {@code int32}, a struct): absent on the wire means Go's zero value. */
        VALUE,
        /** A pointer ({@code *bool}, {@code *Time}): absent on the wire means nil, present means set, even to zero. */
        POINTER,
        /** A slice of values ({@code []string}, {@code []Taint}). */
        LIST,
        /** A {@code map[string]T}, sent as repeated key/value entry messages. */
        MAP
    }

    /** The field's {@code json} tag option. */
    enum Omission {
        /** {@code omitempty}: zero scalars, nil pointers and empty slices/maps are left out; structs never are. */
        OMIT_EMPTY,
        /** {@code omitzero}: left out when the value is zero (used by {@code creationTimestamp}). */
        OMIT_ZERO,
        /** No option: always written, nil pointers, slices and maps as {@code null}. */
        ALWAYS
    }

    /** The wire type a well-formed occurrence of this field carries. */
    int wireType() {
        return shape == Shape.MAP ? WireFormat.WIRETYPE_LENGTH_DELIMITED : type.wireType();
    }
}
