package io.capj.apiserver.internal.protobuf;

import com.google.protobuf.WireFormat;
import io.capj.apiserver.internal.protobuf.ProtoField.Omission;
import io.capj.apiserver.internal.protobuf.ProtoField.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written table of one protobuf message: its fields in Go declaration order (which is the JSON key
 * order), each with the number from {@code generated.proto} and the JSON name and omission of the Go tag.
 * The builder methods are named after the Go declarations they mirror, so a table reads like the struct.
 */
final class ProtoMessage implements ValueType {
    private final String name;
    private final List<ProtoField> fields;
    private final Map<Integer, ProtoField> byNumber;

    private ProtoMessage(String name, List<ProtoField> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.byNumber = new HashMap<>();
        for (ProtoField f : fields) {
            if (byNumber.put(f.number(), f) != null) {
                throw new IllegalArgumentException(name + ": field number " + f.number() + " used twice");
            }
        }
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    String name() {
        return name;
    }

    List<ProtoField> fields() {
        return fields;
    }

    /** The field with this number, or null for a field this table does not know (skipped, as upstream does). */
    ProtoField field(int number) {
        return byNumber.get(number);
    }

    @Override
    public int wireType() {
        return WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder {
        private final String name;
        private final List<ProtoField> fields = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** {@code T `json:"x,omitempty"`}; for a struct or Time this still writes the value (Go never omits structs). */
        Builder omitEmpty(int number, String json, ValueType type) {
            return add(number, json, type, Shape.VALUE, Omission.OMIT_EMPTY);
        }

        /** {@code T `json:"x"`}: always written, zero values included. */
        Builder always(int number, String json, ValueType type) {
            return add(number, json, type, Shape.VALUE, Omission.ALWAYS);
        }

        /** {@code metav1.Time `json:"x,omitempty,omitzero"`}: left out when zero. */
        Builder omitZero(int number, String json, WellKnown type) {
            if (type != WellKnown.TIME && type != WellKnown.MICRO_TIME) {
                throw new IllegalArgumentException(name + "." + json + ": omitzero is only modelled for times");
            }
            return add(number, json, type, Shape.VALUE, Omission.OMIT_ZERO);
        }

        /** {@code *T `json:"x,omitempty"`}: written exactly when the sender set it. */
        Builder pointer(int number, String json, ValueType type) {
            return add(number, json, type, Shape.POINTER, Omission.OMIT_EMPTY);
        }

        /** {@code *T `json:"x"`}: {@code null} when the sender left it nil. */
        Builder pointerOrNull(int number, String json, ValueType type) {
            return add(number, json, type, Shape.POINTER, Omission.ALWAYS);
        }

        /** {@code []T `json:"x,omitempty"`}. */
        Builder list(int number, String json, ValueType type) {
            return add(number, json, type, Shape.LIST, Omission.OMIT_EMPTY);
        }

        /** {@code []T `json:"x"`}: {@code null} when empty. */
        Builder listOrNull(int number, String json, ValueType type) {
            return add(number, json, type, Shape.LIST, Omission.ALWAYS);
        }

        /** {@code map[string]T `json:"x,omitempty"`}. */
        Builder map(int number, String json, ValueType valueType) {
            return add(number, json, valueType, Shape.MAP, Omission.OMIT_EMPTY);
        }

        ProtoMessage build() {
            return new ProtoMessage(name, fields);
        }

        private Builder add(int number, String json, ValueType type, Shape shape, Omission omission) {
            if (shape == Shape.LIST && type.wireType() != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                // No table has a repeated number; packed encoding is therefore not modelled.
                throw new IllegalArgumentException(name + "." + json + ": repeated varints are not supported");
            }
            fields.add(new ProtoField(number, json, type, shape, omission));
            return this;
        }
    }
}
