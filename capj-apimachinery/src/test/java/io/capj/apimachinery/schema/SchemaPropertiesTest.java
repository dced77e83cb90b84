package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any object, checked on seeded random objects shaped by a realistic CRD (our FleetCluster,
 * {@code fleet-cluster-schema.yaml}) with unknown fields, nulls and wrongly typed values mixed in: pruning and
 * defaulting are idempotent, and validation of arbitrary data reports errors rather than failing.
 */
class SchemaPropertiesTest {
    private static final JsonNode FLEET_SCHEMA = fleetSchema();
    private static final StructuralSchema FLEET = StructuralSchema.compile(FLEET_SCHEMA);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void pruneIsIdempotent(long seed) {
        ObjectNode once = new RandomObjects(seed).object(FLEET_SCHEMA);
        FLEET.prune(once);
        ObjectNode twice = once.deepCopy();

        assertThat(FLEET.prune(twice)).isEmpty();
        assertThat(twice).isEqualTo(once);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void defaultingIsIdempotent(long seed) {
        ObjectNode once = new RandomObjects(seed).object(FLEET_SCHEMA);
        FLEET.prune(once);
        FLEET.applyDefaults(once);
        ObjectNode twice = once.deepCopy();
        FLEET.applyDefaults(twice);

        assertThat(twice).isEqualTo(once);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void validationNeverFailsAndAgreesWithItselfOnUnchangedUpdates(long seed) {
        ObjectNode obj = new RandomObjects(seed).object(FLEET_SCHEMA);
        FLEET.prune(obj);
        FLEET.applyDefaults(obj);

        assertThatCode(() -> FLEET.validate(obj, null)).doesNotThrowAnyException();
        // ratcheting: an update that changes nothing reports nothing (rules using oldSelf see equal values), except
        // CEL evaluation errors, which upstream never ratchets: a rule reading a stored value of the wrong type (its
        // schema error ratcheted away) fails to evaluate on every write
        assertThat(FLEET.validate(obj, obj.deepCopy())).allSatisfy(e -> assertThat(e.detail())
                .containsPattern("(evaluating rule|call arguments did not match a supported operator, function or "
                        + "macro signature for rule): "));
    }

    /** Random JSON shaped by a schema, sometimes off-schema on purpose. */
    private static final class RandomObjects {
        private final Random random;

        RandomObjects(long seed) {
            this.random = new Random(seed);
        }

        ObjectNode object(JsonNode schema) {
            ObjectNode o = object(schema, 0);
            o.put("apiVersion", "fleet.capj.test/v1alpha1").put("kind", "FleetCluster");
            o.putObject("metadata").put("name", "c" + random.nextInt(100));
            return o;
        }

        private JsonNode value(JsonNode schema, int depth) {
            if (random.nextInt(20) == 0) {
                return Json.NODES.nullNode();
            }
            if (random.nextInt(25) == 0) {
                return scalar("");
            }
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
            return switch (type) {
                case "object" -> depth > 8 ? Json.object() : object(schema, depth);
                case "array" -> array(schema, depth);
                default -> scalar(schema.has("enum") && random.nextBoolean()
                        ? "enum:" + schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText() : type);
            };
        }

        private ObjectNode object(JsonNode schema, int depth) {
            ObjectNode o = Json.object();
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                if (random.nextInt(10) < 6) {
                    o.set(p.getKey(), value(p.getValue(), depth + 1));
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            for (int i = 0; additional != null && additional.isObject() && i < random.nextInt(3); i++) {
                o.set("k" + random.nextInt(5), value(additional, depth + 1));
            }
            if (random.nextInt(4) == 0) {
                o.set("unknown" + random.nextInt(3), value(Json.object(), depth + 1));
            }
            return o;
        }

        /** Map-list items always get distinct keys: only then do old and new items correlate, as upstream's. */
        private ArrayNode array(JsonNode schema, int depth) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            JsonNode items = schema.path("items");
            boolean mapList = schema.path("x-kubernetes-list-type").asText().equals("map");
            for (int i = 0; i < random.nextInt(4) && depth < 8; i++) {
                JsonNode item = mapList ? object(items, depth + 1) : value(items, depth + 1);
                if (mapList) {
                    for (JsonNode key : schema.path("x-kubernetes-list-map-keys")) {
                        ((ObjectNode) item).put(key.asText(), "k" + i);
                    }
                }
                a.add(item);
            }
            return a;
        }

        private JsonNode scalar(String type) {
            if (type.startsWith("enum:")) {
                return Json.NODES.textNode(type.substring(5));
            }
            return switch (type.isEmpty() ? new String[] {"string", "integer", "number", "boolean"}[random.nextInt(4)]
                    : type) {
                case "integer" -> Json.NODES.numberNode(random.nextInt(200) - 20);
                case "number" -> Json.NODES.numberNode(new java.math.BigDecimal(random.nextInt(1000)).movePointLeft(1));
                case "boolean" -> Json.NODES.booleanNode(random.nextBoolean());
                default -> Json.NODES.textNode(random.nextBoolean() ? "v" + random.nextInt(50) : "Ready");
            };
        }
    }

    private static JsonNode fleetSchema() {
        try (InputStream in = SchemaPropertiesTest.class.getResourceAsStream("/schema/fleet-cluster-schema.yaml")) {
            return Yaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .at("/spec/versions/0/schema/openAPIV3Schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
