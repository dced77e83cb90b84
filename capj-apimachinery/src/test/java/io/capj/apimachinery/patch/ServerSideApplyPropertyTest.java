package io.capj.apimachinery.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of server-side apply over random objects (seeded, so failures reproduce): applying an object
 * to nothing creates exactly that object; applying it again is a no-op down to the bytes; a second manager
 * applying a part of it with the same values shares ownership without conflict; managed fields round-trip.
 */
class ServerSideApplyPropertyTest {
    static final String V = "example.io/v1";
    static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    static final MergeSchema SCHEMA = MergeSchemas.object()
            .mapList("spec.items", "name")
            .mapList("spec.items[].ports", "port", "protocol")
            .set("spec.tags")
            .atomicMap("spec.selector")
            .mapList("status.conditions", "type")
            .build();

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void applyingToNothingCreatesTheObjectAndReapplyingIsANoOp(long seed) {
        ObjectNode object = new RandomObjects(new Random(seed)).object();
        ServerSideApply.Result created = ServerSideApply.apply(null, object, "m", false, SCHEMA, T0, V, "");
        assertThat(withoutManagedFields(created.object())).isEqualTo(object);

        ServerSideApply.Result again = ServerSideApply.apply(created.object(), object, "m", false, SCHEMA,
                T0.plusSeconds(60), V, "");
        assertThat(again.changed()).isFalse();
        assertThat(Json.string(again.object())).isEqualTo(Json.string(created.object()));

        JsonNode managedFields = created.object().at("/metadata/managedFields");
        assertThat(ManagedFields.decode(managedFields).encode()).isEqualTo(managedFields);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anotherManagerApplyingTheSameValuesSharesOwnership(long seed) {
        RandomObjects random = new RandomObjects(new Random(seed));
        ObjectNode object = random.object();
        ObjectNode live = ServerSideApply.apply(null, object, "m", false, SCHEMA, T0, V, "").object();
        ObjectNode part = object.deepCopy();
        part.remove("status");
        ServerSideApply.Result shared = ServerSideApply.apply(live, part, "n", false, SCHEMA, T0.plusSeconds(1), V, "");
        assertThat(withoutManagedFields(shared.object())).isEqualTo(object);
        FieldSet owned = FieldSet.of(part, SCHEMA).difference(ManagedFields.UNTRACKED);
        assertThat(ManagedFields.of(shared.object()).entries()).hasSize(owned.isEmpty() ? 1 : 2)
                .allSatisfy(e -> assertThat(e.fields().isEmpty()).isFalse());
    }

    private static ObjectNode withoutManagedFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove("managedFields");
        return copy;
    }

    /** Random objects that fit {@link #SCHEMA}: unique keys in map lists and sets, no nulls. */
    private record RandomObjects(Random random) {
        ObjectNode object() {
            ObjectNode o = Json.object().put("apiVersion", V).put("kind", "Widget");
            ObjectNode meta = o.putObject("metadata").put("name", "w" + random.nextInt(100)).put("namespace", "default");
            if (random.nextBoolean()) {
                meta.set("labels", scalarMap(3));
            }
            if (random.nextBoolean()) {
                meta.set("finalizers", distinctStrings("example.io/f", 3));
            }
            o.set("spec", spec());
            if (random.nextBoolean()) {
                ArrayNode conditions = o.putObject("status").putArray("conditions");
                for (String type : new String[] {"Ready", "Synced"}) {
                    if (random.nextBoolean()) {
                        conditions.addObject().put("type", type).put("status", random.nextBoolean() ? "True" : "False");
                    }
                }
            }
            return o;
        }

        private ObjectNode spec() {
            ObjectNode spec = Json.object();
            if (random.nextBoolean()) {
                spec.put("replicas", random.nextInt(5)).put("paused", random.nextBoolean());
            }
            if (random.nextBoolean()) {
                spec.set("selector", scalarMap(2));
            }
            if (random.nextBoolean()) {
                spec.set("tags", distinctStrings("t", 4));
            }
            if (random.nextBoolean()) {
                spec.putArray("args").add("a" + random.nextInt(3)).add("a" + random.nextInt(3));
            }
            if (random.nextBoolean()) {
                spec.set("nested", nested(2));
            }
            if (random.nextBoolean()) {
                spec.set("items", items());
            }
            return spec;
        }

        private ArrayNode items() {
            ArrayNode items = Json.MAPPER.createArrayNode();
            for (int i = 0; i < 3; i++) {
                if (random.nextBoolean()) {
                    ObjectNode item = items.addObject().put("name", "i" + i).put("image", "img:" + random.nextInt(9));
                    if (random.nextBoolean()) {
                        ArrayNode ports = item.putArray("ports");
                        ports.addObject().put("port", 80).put("protocol", "TCP");
                        if (random.nextBoolean()) {
                            ports.addObject().put("port", 80).put("protocol", "UDP");
                        }
                    }
                }
            }
            return items;
        }

        private JsonNode nested(int depth) {
            ObjectNode out = Json.object();
            int fields = random.nextInt(3);
            for (int i = 0; i < fields; i++) {
                out.set("k" + i, depth == 0 || random.nextBoolean() ? scalar() : nested(depth - 1));
            }
            return out;
        }

        private ObjectNode scalarMap(int max) {
            ObjectNode out = Json.object();
            int size = random.nextInt(max + 1);
            for (int i = 0; i < size; i++) {
                out.put("k" + i, "v" + random.nextInt(3));
            }
            return out;
        }

        private ArrayNode distinctStrings(String prefix, int max) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (int i = 0; i < max; i++) {
                if (random.nextBoolean()) {
                    out.add(prefix + i);
                }
            }
            return out;
        }

        private JsonNode scalar() {
            return switch (random.nextInt(4)) {
                case 0 -> Json.NODES.textNode("s" + random.nextInt(5));
                case 1 -> Json.NODES.numberNode(random.nextInt(100));
                case 2 -> Json.NODES.booleanNode(random.nextBoolean());
                default -> Json.NODES.numberNode(new BigDecimal(random.nextInt(1000) + ".5"));
            };
        }
    }
}
