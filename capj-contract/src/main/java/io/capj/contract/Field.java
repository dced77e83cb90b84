package io.capj.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One contract field of a provider object: its path (chosen by contract version) and its typed value.
 * Absent or JSON {@code null} reads as empty; a value of the wrong JSON type is a {@link ContractException}
 * naming the object and the path, never a silent default. Writes create missing parent objects.
 *
 * @param <T> the Java view of the field
 */
public final class Field<T> {
    private final List<String> path;
    private final Codec<T> codec;
    private final String readOnlyReason;

    Field(Codec<T> codec, String... path) {
        this(codec, null, path);
    }

    private Field(Codec<T> codec, String readOnlyReason, String... path) {
        this.path = List.of(path);
        this.codec = codec;
        this.readOnlyReason = readOnlyReason;
    }

    /** The same field, refusing writes with {@code reason} (e.g. a v1beta1 shape we cannot produce). */
    Field<T> readOnly(String reason) {
        return new Field<>(codec, reason, path.toArray(String[]::new));
    }

    /** Dotted path, e.g. {@code status.initialization.provisioned}. */
    public String path() {
        return String.join(".", path);
    }

    /** Path segments from the object root. */
    public List<String> segments() {
        return path;
    }

    /** The value, empty when the field or one of its parents is absent or null. */
    public Optional<T> get(JsonNode object) {
        JsonNode node = object;
        for (int i = 0; i < path.size(); i++) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return Optional.empty();
            }
            if (!node.isObject()) {
                throw new ContractException(readError(object,
                        "expected object at " + String.join(".", path.subList(0, i))));
            }
            node = node.get(path.get(i));
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.read(node));
        } catch (Codec.Mismatch e) {
            throw new ContractException(readError(object, e.getMessage()));
        }
    }

    /** The value, or a {@link ContractException} naming the object and path when it is not set. */
    public T require(JsonNode object) {
        return get(object).orElseThrow(() -> new ContractException(readError(object, "not set")));
    }

    /** Writes {@code value}, creating parents; a parent that is not an object is an error. */
    public void set(ObjectNode object, T value) {
        if (readOnlyReason != null) {
            throw new ContractException("cannot set " + path() + " of " + ObjectNames.describe(object) + ": "
                    + readOnlyReason);
        }
        ObjectNode parent = object;
        for (String segment : path.subList(0, path.size() - 1)) {
            JsonNode child = parent.get(segment);
            if (child == null || child.isNull()) {
                parent = parent.putObject(segment);
            } else if (child.isObject()) {
                parent = (ObjectNode) child;
            } else {
                throw new ContractException("failed to set " + path() + " of " + ObjectNames.describe(object)
                        + ": " + segment + " is not an object");
            }
        }
        parent.set(path.get(path.size() - 1), codec.write(value));
    }

    /** Removes the field if present; parents are left in place. */
    public void remove(ObjectNode object) {
        JsonNode node = object;
        for (String segment : path.subList(0, path.size() - 1)) {
            node = node.path(segment);
        }
        if (node.isObject()) {
            ((ObjectNode) node).remove(path.get(path.size() - 1));
        }
    }

    private String readError(JsonNode object, String problem) {
        return "failed to read " + path() + " of " + ObjectNames.describe(object) + ": " + problem;
    }

    @Override
    public String toString() {
        return path();
    }
}
