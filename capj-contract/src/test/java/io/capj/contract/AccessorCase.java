package io.capj.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of an accessor table: under {@code contract}, {@code accessor} must sit at {@code path} and read
 * {@code expected} (null: absent) from {@code object}; writing {@code expected} to an empty object must read
 * back the same value at the same place.
 */
record AccessorCase<C>(String contract, String path, String object, Function<C, Field<?>> accessor,
        Object expected) {

    Arguments row(String name) {
        return Arguments.of(name, this);
    }

    @SuppressWarnings("unchecked")
    void verify(Function<String, C> forContract, String kind) {
        Field<Object> field = (Field<Object>) accessor.apply(forContract.apply(contract));
        ObjectNode tree = Trees.provider(kind, "p-1", object);

        assertThat(field.path()).isEqualTo(path);
        assertThat(field.get(tree)).isEqualTo(Optional.ofNullable(expected));
        if (expected != null) {
            ObjectNode written = Trees.provider(kind, "p-2", "");
            field.set(written, expected);
            assertThat(field.get(written)).contains(expected);
            assertThat(written.at("/" + path.replace('.', '/')).isMissingNode()).isFalse();
        }
    }

    @Override
    public String toString() {
        return contract + " " + path + " <- " + (object.length() > 60 ? object.substring(0, 60) + "..." : object)
                + " = " + (expected == null ? "absent" : Json.MAPPER.valueToTree(expected));
    }
}
