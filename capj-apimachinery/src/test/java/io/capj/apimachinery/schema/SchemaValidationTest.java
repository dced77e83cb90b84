package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenAPI keywords, one row per keyword outcome: schema of {@code spec.x}, its value, upstream's exact errors. */
class SchemaValidationTest {

    static Stream<Arguments> keywords() {
        return Stream.of(
                row("integer accepts integer", "{type: integer}", "3"),
                row("integer rejects string", "{type: integer}", "'3'",
                        "spec.x: Invalid value: \"string\": spec.x in body must be of type integer: \"string\""),
                row("integer rejects fraction", "{type: integer}", "1.5",
                        "spec.x: Invalid value: \"number\": spec.x in body must be of type integer: \"number\""),
                row("integer accepts whole float", "{type: integer}", "2.0"),
                row("number accepts integer", "{type: number}", "3"),
                row("boolean rejects string", "{type: boolean}", "'true'",
                        "spec.x: Invalid value: \"string\": spec.x in body must be of type boolean: \"string\""),
                row("string rejects integer", "{type: string}", "5",
                        "spec.x: Invalid value: \"integer\": spec.x in body must be of type string: \"integer\""),
                row("object rejects array", "{type: object}", "[]",
                        "spec.x: Invalid value: \"array\": spec.x in body must be of type object: \"array\""),
                row("array rejects object", "{type: array, items: {type: string}}", "{}",
                        "spec.x: Invalid value: \"object\": spec.x in body must be of type array: \"object\""),
                row("null where not nullable", "{type: string}", "null",
                        "spec.x: Invalid value: \"null\": spec.x in body must be of type string: \"null\""),
                row("null where nullable", "{type: string, nullable: true}", "null"),
                row("required", "{type: object, required: [a], properties: {a: {type: string}}}", "{}",
                        "spec.x.a: Required value"),
                row("enum of strings", "{type: string, enum: [a, b]}", "c",
                        "spec.x: Unsupported value: \"c\": supported values: \"a\", \"b\""),
                row("enum of integers", "{type: integer, enum: [1, 2]}", "3",
                        "spec.x: Unsupported value: 3: supported values: \"1\", \"2\""),
                row("enum matches", "{type: string, enum: [a, b]}", "b"),
                row("pattern", "{type: string, pattern: '^a$'}", "b",
                        "spec.x: Invalid value: \"b\": spec.x in body should match '^a$'"),
                row("pattern is a search", "{type: string, pattern: 'b'}", "abc"),
                row("maxLength", "{type: string, maxLength: 2}", "abc", "spec.x: Too long: may not be more than 2 bytes"),
                row("maxLength of one", "{type: string, maxLength: 1}", "ab", "spec.x: Too long: may not be more than 1 byte"),
                row("maxLength counts characters", "{type: string, maxLength: 3}", "héé"),
                row("minLength", "{type: string, minLength: 2}", "a",
                        "spec.x: Invalid value: \"a\": spec.x in body should be at least 2 chars long"),
                row("only first string failure", "{type: string, minLength: 3, pattern: '^z'}", "a",
                        "spec.x: Invalid value: \"a\": spec.x in body should be at least 3 chars long"),
                row("minimum", "{type: integer, minimum: 1}", "0",
                        "spec.x: Invalid value: 0: spec.x in body should be greater than or equal to 1"),
                row("exclusiveMinimum", "{type: integer, minimum: 1, exclusiveMinimum: true}", "1",
                        "spec.x: Invalid value: 1: spec.x in body should be greater than 1"),
                row("maximum of number", "{type: number, maximum: 1.5}", "2.5",
                        "spec.x: Invalid value: 2.5: spec.x in body should be less than or equal to 1.5"),
                row("exclusiveMaximum", "{type: integer, maximum: 10, exclusiveMaximum: true}", "10",
                        "spec.x: Invalid value: 10: spec.x in body should be less than 10"),
                row("multipleOf integer", "{type: integer, multipleOf: 5}", "7",
                        "spec.x: Invalid value: 7: spec.x in body should be a multiple of 5"),
                row("multipleOf number", "{type: number, multipleOf: 0.5}", "1.25",
                        "spec.x: Invalid value: 1.25: spec.x in body should be a multiple of 0.5"),
                row("multipleOf satisfied", "{type: number, multipleOf: 0.5}", "1.5"),
                row("int32 range", "{type: integer, format: int32}", "3000000000",
                        "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in spec.x"),
                row("minItems", "{type: array, minItems: 2, items: {type: string}}", "[a]",
                        "spec.x: Invalid value: 1: spec.x in body should have at least 2 items"),
                row("maxItems", "{type: array, maxItems: 1, items: {type: string}}", "[a, b]",
                        "spec.x: Too many: 2: must have at most 1 item"),
                row("minProperties", "{type: object, minProperties: 1, additionalProperties: {type: string}}", "{}",
                        "spec.x: Invalid value: 0: spec.x in body should have at least 1 properties"),
                row("maxProperties", "{type: object, maxProperties: 1, additionalProperties: {type: string}}",
                        "{a: x, b: y}", "spec.x: Too many: 2: must have at most 1 item"),
                row("additionalProperties values", "{type: object, additionalProperties: {type: integer}}", "{a: s}",
                        "spec.x.a: Invalid value: \"string\": spec.x.a in body must be of type integer: \"string\""),
                row("array items", "{type: array, items: {type: object, properties: {name: {type: string}}}}",
                        "[{name: n}, {name: 1}]", "spec.x[1].name: Invalid value: \"integer\": spec.x[1].name in body "
                                + "must be of type string: \"integer\""),
                row("int-or-string integer", "{x-kubernetes-int-or-string: true}", "5"),
                row("int-or-string string", "{x-kubernetes-int-or-string: true}", "5%"),
                row("int-or-string boolean", "{x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}",
                        "true", "spec.x: Invalid value: \"boolean\": spec.x in body must be of type integer,string: "
                                + "\"boolean\"", "<nil>: Invalid value: \"\": \"spec.x\" must validate at least one "
                                + "schema (anyOf)", "spec.x: Invalid value: \"boolean\": spec.x in body must be of type "
                                + "integer: \"boolean\""),
                row("int-or-string pattern applies to strings", "{x-kubernetes-int-or-string: true, pattern: '^\\d+%?$'}",
                        "abc", "spec.x: Invalid value: \"abc\": spec.x in body should match '^\\d+%?$'"),
                row("date-time format", "{type: string, format: date-time}", "2024-02-29T10:00:00Z"),
                row("date-time format rejected", "{type: string, format: date-time}", "yesterday",
                        "spec.x: Invalid value: \"yesterday\": spec.x in body must be of type date-time: \"yesterday\""),
                row("unknown format ignored", "{type: string, format: colour}", "anything"),
                row("format of another type ignored", "{type: string, format: int32}", "anything"),
                row("anyOf", "{type: integer, anyOf: [{minimum: 5}, {maximum: 1}]}", "3",
                        "<nil>: Invalid value: \"\": \"spec.x\" must validate at least one schema (anyOf)",
                        "spec.x: Invalid value: 3: spec.x in body should be greater than or equal to 5"),
                row("oneOf with two matches", "{type: integer, oneOf: [{minimum: 1}, {minimum: 2}]}", "3",
                        "<nil>: Invalid value: \"\": \"spec.x\" must validate one and only one schema (oneOf). Found 2 "
                                + "valid alternatives"),
                row("allOf", "{type: string, allOf: [{minLength: 2}, {pattern: '^a'}]}", "b",
                        "spec.x: Invalid value: \"b\": spec.x in body should be at least 2 chars long",
                        "spec.x: Invalid value: \"b\": spec.x in body should match '^a'",
                        "<nil>: Invalid value: \"\": \"spec.x\" must validate all the schemas (allOf). None validated"),
                row("not", "{type: string, not: {enum: [x]}}", "x",
                        "<nil>: Invalid value: \"\": \"spec.x\" must not validate the schema (not)"),
                row("set duplicates reported once", "{type: array, x-kubernetes-list-type: set, items: {type: string}}",
                        "[a, b, a, a]", "spec.x[2]: Duplicate value: \"a\""),
                row("map list duplicate keys", "{type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: "
                        + "[name], items: {type: object, required: [name], properties: {name: {type: string}, "
                        + "v: {type: integer}}}}", "[{name: a}, {name: a, v: 1}]",
                        "spec.x[1]: Duplicate value: {\"name\":\"a\"}"),
                row("list types inside maps use keys", "{type: object, additionalProperties: {type: array, "
                        + "x-kubernetes-list-type: set, items: {type: string}}}", "{k: [a, a]}",
                        "spec.x[k][1]: Duplicate value: \"a\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keywords")
    void reportsUpstreamErrors(String name, String schema, String value, List<String> expected) {
        StructuralSchema s = Yaml.specSchema("x: " + schema);
        ObjectNode obj = Yaml.object("{spec: {}}");
        ((ObjectNode) obj.get("spec")).set("x", Yaml.parse("v: " + value).get("v"));

        assertThat(Yaml.render(s.validate(obj, null))).containsExactlyElementsOf(expected);
    }

    private static Arguments row(String name, String schema, String value, String... expected) {
        return Arguments.of(name, schema, value, List.of(expected));
    }
}
