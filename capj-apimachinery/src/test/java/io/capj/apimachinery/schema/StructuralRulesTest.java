package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Schemas a CRD may not use, with the errors upstream reports (paths relative to openAPIV3Schema). */
class StructuralRulesTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                row("missing type at the root", "properties: {spec: {type: object}}",
                        "type: Required value: must not be empty at the root"),
                row("root not an object", "type: string", "type: Invalid value: \"string\": must be object at the root"),
                row("missing type of a field", "type: object\nproperties: {spec: {properties: {x: {type: string}}}}",
                        "properties[spec].type: Required value: must not be empty for specified object fields"),
                row("missing type of items", "type: object\nproperties: {l: {type: array, items: {}}}",
                        "properties[l].items.type: Required value: must not be empty for specified array items"),
                row("array without items", "type: object\nproperties: {l: {type: array}}",
                        "properties[l].items: Required value: must be specified"),
                row("unknown type", "type: object\nproperties: {x: {type: date}}",
                        "properties[x].type: Unsupported value: \"date\": supported values: \"array\", \"boolean\", "
                                + "\"integer\", \"number\", \"object\", \"string\""),
                row("null type", "type: object\nproperties: {x: {type: 'null'}}",
                        "properties[x].type: Forbidden: type cannot be set to null, use nullable as an alternative"),
                row("additionalProperties with properties", "type: object\nproperties: {m: {type: object, "
                        + "properties: {a: {type: string}}, additionalProperties: {type: string}}}",
                        "properties[m].additionalProperties: Forbidden: additionalProperties and properties are "
                                + "mutual exclusive"),
                row("additionalProperties at the root", "type: object\nadditionalProperties: {type: string}",
                        "additionalProperties: Forbidden: must not be used at the root"),
                row("metadata beyond name", "type: object\nproperties: {metadata: {type: object, properties: "
                        + "{labels: {type: object}}}}", "properties[metadata]: Forbidden: must not specify anything "
                        + "other than name and generateName, but metadata is implicitly specified"),
                row("kind not a string", "type: object\nproperties: {kind: {type: integer}}",
                        "properties[kind].type: Invalid value: \"integer\": must be string"),
                row("uniqueItems", "type: object\nproperties: {l: {type: array, uniqueItems: true, items: "
                        + "{type: string}}}", "properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true "
                        + "since the runtime complexity becomes quadratic"),
                row("int-or-string and preserve", "type: object\nproperties: {x: {x-kubernetes-int-or-string: true, "
                        + "x-kubernetes-preserve-unknown-fields: true}}", "properties[x].x-kubernetes-preserve-unknown-"
                        + "fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true"),
                row("preserve false", "type: object\nx-kubernetes-preserve-unknown-fields: false",
                        "x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined"),
                row("embedded resource without properties", "type: object\nproperties: {r: {type: object, "
                        + "x-kubernetes-embedded-resource: true}}", "properties[r].properties: Required value: must "
                        + "not be empty if x-kubernetes-embedded-resource is true without "
                        + "x-kubernetes-preserve-unknown-fields"),
                row("list type on an object", "type: object\nproperties: {x: {type: object, x-kubernetes-list-type: "
                        + "set}}", "properties[x].type: Invalid value: \"object\": must be array if "
                        + "x-kubernetes-list-type is specified"),
                row("unknown list type", "type: object\nproperties: {l: {type: array, items: {type: string}, "
                        + "x-kubernetes-list-type: bag}}", "properties[l].x-kubernetes-list-type: Unsupported value: "
                        + "\"bag\": supported values: \"atomic\", \"set\", \"map\""),
                row("map list without keys", "type: object\nproperties: {l: {type: array, x-kubernetes-list-type: "
                        + "map, items: {type: object, properties: {k: {type: string}}}}}",
                        "properties[l].x-kubernetes-list-map-keys: Required value: must not be empty if "
                                + "x-kubernetes-list-type is map"),
                row("map list key neither required nor defaulted", "type: object\nproperties: {l: {type: array, "
                        + "x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [k], items: {type: object, "
                        + "properties: {k: {type: string}}}}}", "properties[l].items.properties[k].default: Required "
                        + "value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a "
                        + "required property"),
                row("map list key not a property", "type: object\nproperties: {l: {type: array, "
                        + "x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [id], items: {type: object, "
                        + "properties: {k: {type: string}}}}}", "properties[l].x-kubernetes-list-map-keys: Invalid "
                        + "value: [\"id\"]: entries must all be names of item properties"),
                row("set of granular objects", "type: object\nproperties: {l: {type: array, x-kubernetes-list-type: "
                        + "set, items: {type: object, properties: {a: {type: string}}}}}",
                        "properties[l].items.x-kubernetes-map-type: Invalid value: null: must be atomic as item of a "
                                + "list with x-kubernetes-list-type=set"),
                row("map type on a string", "type: object\nproperties: {x: {type: string, x-kubernetes-map-type: "
                        + "atomic}}", "properties[x].type: Invalid value: \"string\": must be object if "
                        + "x-kubernetes-map-type is specified"),
                row("type in anyOf", "type: object\nproperties: {x: {type: string, anyOf: [{type: string}]}}",
                        "properties[x].anyOf[0].type: Forbidden: must be empty to be structural"),
                row("default in allOf", "type: object\nproperties: {x: {type: string, allOf: [{default: a}]}}",
                        "properties[x].allOf[0].default: Forbidden: must be undefined to be structural"),
                row("incomplete allOf", "type: object\nallOf: [{properties: {y: {minLength: 1}}}]",
                        "properties[y]: Required value: because it is defined in allOf[0].properties[y]"),
                row("$ref", "type: object\nproperties: {x: {$ref: '#/definitions/x'}}",
                        "properties[x].$ref: Forbidden: $ref is not supported",
                        "properties[x].type: Required value: must not be empty for specified object fields"),
                row("invalid pattern", "type: object\nproperties: {x: {type: string, pattern: '['}}",
                        "properties[x].pattern: Invalid value: \"[\": must be a valid regular expression, but isn't: "
                                + "error parsing regexp: missing closing ]: `[`"),
                row("default not valid", "type: object\nproperties: {x: {type: string, maxLength: 2, default: abc}}",
                        "properties[x].default: Too long: may not be more than 2 bytes"),
                row("default with unknown fields", "type: object\nproperties: {x: {type: object, properties: "
                        + "{a: {type: string}}, default: {a: x, b: y}}}", "properties[x].default: Invalid value: "
                        + "{\"a\":\"x\",\"b\":\"y\"}: must not have unknown fields"),
                row("default in top-level metadata", "type: object\nproperties: {metadata: {type: object, default: "
                        + "{}}}", "properties[metadata].default: Forbidden: must not be set in top-level metadata"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithUpstreamErrors(String name, String schema, List<String> expected) {
        assertThatThrownBy(() -> StructuralSchema.compile(Yaml.parse(schema)))
                .isInstanceOfSatisfying(SchemaException.class,
                        e -> assertThat(Yaml.render(e.errors())).containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void acceptsTheIdiomsCrdGeneratorsEmit() {
        StructuralSchema s = StructuralSchema.compile(Yaml.parse("""
                type: object
                properties:
                  metadata: {type: object, properties: {name: {type: string, maxLength: 63}}}
                  spec:
                    type: object
                    properties:
                      port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                      any: {x-kubernetes-preserve-unknown-fields: true}
                      template:
                        type: object
                        x-kubernetes-embedded-resource: true
                        x-kubernetes-preserve-unknown-fields: true
                      conditions:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [type]
                        items:
                          type: object
                          required: [type]
                          properties: {type: {type: string}, status: {type: string, default: Unknown}}
                """));

        assertThat(s.publishedSchema().path("properties").has("spec")).isTrue();
    }

    private static Arguments row(String name, String schema, String... expected) {
        return Arguments.of(name, schema, List.of(expected));
    }
}
