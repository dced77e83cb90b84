package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pruning of unknown fields and application of defaults, each row an input object and the expected result. */
class PruningAndDefaultingTest {
    private static final StructuralSchema SCHEMA = StructuralSchema.compile(Yaml.parse("""
            type: object
            properties:
              apiVersion: {type: string}
              kind: {type: string}
              metadata: {type: object}
              spec:
                type: object
                properties:
                  replicas: {type: integer, default: 1}
                  mode: {type: string, nullable: true, default: auto}
                  strict: {type: string}
                  items:
                    type: array
                    items:
                      type: object
                      properties:
                        name: {type: string}
                        weight: {type: integer, default: 10}
                        options: {type: object, default: {}, properties: {retries: {type: integer, default: 3}}}
                  labels:
                    type: object
                    additionalProperties:
                      type: object
                      properties: {value: {type: string}, priority: {type: integer, default: 5}}
                  values: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {known: {type: object,
                    properties: {a: {type: string}}}}}
                  template:
                    type: object
                    x-kubernetes-embedded-resource: true
                    properties: {spec: {type: object, properties: {image: {type: string}}}}
                  matrix:
                    type: array
                    items: {type: array, items: {type: integer, default: 0}}
            """));

    static Stream<Arguments> pruning() {
        return Stream.of(
                prune("unknown field", "{spec: {replicas: 2, foo: 1}}", "{spec: {replicas: 2}}", "spec.foo"),
                prune("unknown root field", "{apiVersion: v, kind: K, metadata: {name: n, x: y}, status: {}}",
                        "{apiVersion: v, kind: K, metadata: {name: n, x: y}}", "status"),
                prune("inside array items", "{spec: {items: [{name: a, bar: 1}, {baz: 2}]}}",
                        "{spec: {items: [{name: a}, {}]}}", "spec.items[0].bar", "spec.items[1].baz"),
                prune("inside map values", "{spec: {labels: {k: {value: v, extra: 1}}}}",
                        "{spec: {labels: {k: {value: v}}}}", "spec.labels.k.extra"),
                prune("preserve-unknown keeps unknown, prunes known", "{spec: {values: {free: {deep: 1}, known: "
                        + "{a: x, b: y}}}}", "{spec: {values: {free: {deep: 1}, known: {a: x}}}}",
                        "spec.values.known.b"),
                prune("embedded resource keeps type meta and metadata", "{spec: {template: {apiVersion: v1, kind: Pod, "
                        + "metadata: {labels: {a: b}}, spec: {image: i, other: o}, status: {}}}}",
                        "{spec: {template: {apiVersion: v1, kind: Pod, metadata: {labels: {a: b}}, spec: {image: i}}}}",
                        "spec.template.spec.other", "spec.template.status"),
                prune("nothing to prune", "{spec: {replicas: 1}}", "{spec: {replicas: 1}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pruning")
    void prunesAndReportsPaths(String name, String input, String expected, List<String> paths) {
        ObjectNode obj = Yaml.object(input);

        assertThat(SCHEMA.prune(obj)).containsExactlyElementsOf(paths);
        assertThat(obj).isEqualTo(Yaml.object(expected));
    }

    static Stream<Arguments> defaulting() {
        return Stream.of(
                defaults("missing field", "{spec: {}}", "{spec: {replicas: 1, mode: auto}}"),
                defaults("present field kept", "{spec: {replicas: 3, mode: manual}}", "{spec: {replicas: 3, mode: manual}}"),
                defaults("null on non-nullable takes the default", "{spec: {replicas: null}}",
                        "{spec: {replicas: 1, mode: auto}}"),
                defaults("null on nullable stays", "{spec: {mode: null}}", "{spec: {replicas: 1, mode: null}}"),
                defaults("null without default is dropped", "{spec: {strict: null}}", "{spec: {replicas: 1, mode: auto}}"),
                defaults("array items, nested defaults of defaults", "{spec: {items: [{name: a}, {name: b, weight: 2}]}}",
                        "{spec: {replicas: 1, mode: auto, items: [{name: a, weight: 10, options: {retries: 3}}, "
                                + "{name: b, weight: 2, options: {retries: 3}}]}}"),
                defaults("map values", "{spec: {labels: {k: {value: v}}}}",
                        "{spec: {replicas: 1, mode: auto, labels: {k: {value: v, priority: 5}}}}"),
                defaults("null array item takes the items default", "{spec: {matrix: [[1, null]]}}",
                        "{spec: {replicas: 1, mode: auto, matrix: [[1, 0]]}}"),
                defaults("no spec, no defaults", "{kind: K}", "{kind: K}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaulting")
    void appliesDefaults(String name, String input, String expected) {
        ObjectNode obj = Yaml.object(input);

        SCHEMA.applyDefaults(obj);

        assertThat(obj).isEqualTo(Yaml.object(expected));
    }

    private static Arguments prune(String name, String input, String expected, String... paths) {
        return Arguments.of(name, input, expected, List.of(paths));
    }

    private static Arguments defaults(String name, String input, String expected) {
        return Arguments.of(name, input, expected);
    }
}
