package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CEL {@code x-kubernetes-validations}: failures and their reporting, compile-time rejections, the cost guard. */
class CelRulesTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                row("default message", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1'}]}", "0",
                        "spec.x: Invalid value: \"integer\": failed rule: self > 1"),
                row("passing rule", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1'}]}", "2"),
                row("message", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', message: must be big}]}",
                        "0", "spec.x: Invalid value: \"integer\": must be big"),
                row("messageExpression", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', "
                        + "messageExpression: \"'got ' + string(self)\"}]}", "0",
                        "spec.x: Invalid value: \"integer\": got 0"),
                row("failing messageExpression falls back to message", "{type: integer, x-kubernetes-validations: "
                        + "[{rule: 'self > 1', message: m, messageExpression: 'string(1 / self)'}]}", "0",
                        "spec.x: Invalid value: \"integer\": m"),
                row("reason Forbidden", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', message: m, "
                        + "reason: FieldValueForbidden}]}", "0", "spec.x: Forbidden: m"),
                row("reason Required", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', message: m, "
                        + "reason: FieldValueRequired}]}", "0", "spec.x: Required value: m"),
                row("reason Duplicate", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', message: m, "
                        + "reason: FieldValueDuplicate}]}", "0", "spec.x: Duplicate value: \"integer\""),
                row("fieldPath", "{type: object, properties: {a: {type: integer}}, x-kubernetes-validations: "
                        + "[{rule: 'self.a > 1', fieldPath: .a}]}", "{a: 0}",
                        "spec.x.a: Invalid value: \"object\": failed rule: self.a > 1"),
                row("fieldPath into a map", "{type: object, additionalProperties: {type: integer}, "
                        + "x-kubernetes-validations: [{rule: \"self['k'] > 1\", fieldPath: \"['k']\"}]}", "{k: 0}",
                        "spec.x[k]: Invalid value: \"object\": failed rule: self['k'] > 1"),
                row("array rule", "{type: array, items: {type: string}, x-kubernetes-validations: "
                        + "[{rule: 'self.size() < 2'}]}", "[a, b]",
                        "spec.x: Invalid value: \"array\": failed rule: self.size() < 2"),
                row("items rule", "{type: array, items: {type: string, x-kubernetes-validations: "
                        + "[{rule: \"self.startsWith('a')\"}]}}", "[ab, b]",
                        "spec.x[1]: Invalid value: \"string\": failed rule: self.startsWith('a')"),
                row("map values rule", "{type: object, additionalProperties: {type: integer, "
                        + "x-kubernetes-validations: [{rule: 'self > 0'}]}}", "{k: 0}",
                        "spec.x[k]: Invalid value: \"integer\": failed rule: self > 0"),
                row("missing field", "{type: object, properties: {a: {type: integer}}, x-kubernetes-validations: "
                        + "[{rule: 'self.a > 1'}]}", "{}",
                        "spec.x: Invalid value: \"object\": no such key: a evaluating rule: self.a > 1"),
                row("has guards a missing field", "{type: object, properties: {a: {type: integer}}, "
                        + "x-kubernetes-validations: [{rule: '!has(self.a) || self.a > 1'}]}", "{}"),
                row("int-or-string as int", "{x-kubernetes-int-or-string: true, x-kubernetes-validations: "
                        + "[{rule: \"type(self) == int ? self > 0 : self.endsWith('%')\"}]}", "5"),
                row("int-or-string as string", "{x-kubernetes-int-or-string: true, x-kubernetes-validations: "
                        + "[{rule: \"type(self) == int ? self > 0 : self.endsWith('%')\"}]}", "'5'",
                        "spec.x: Invalid value: \"\": failed rule: type(self) == int ? self > 0 : self.endsWith('%')"),
                row("escaped property names", "{type: object, properties: {x-y: {type: string}, namespace: "
                        + "{type: string}}, x-kubernetes-validations: [{rule: 'self.x__dash__y == self.__namespace__'}]}",
                        "{x-y: a, namespace: b}",
                        "spec.x: Invalid value: \"object\": failed rule: self.x__dash__y == self.__namespace__"),
                row("Cluster API condition type rule", "{type: string, x-kubernetes-validations: [{rule: "
                        + "\"!(self in ['Ready','Available'])\", message: 'type must not be one of: Ready, Available'}]}",
                        "Ready", "spec.x: Invalid value: \"string\": type must not be one of: Ready, Available"),
                row("date-time is a timestamp", "{type: string, format: date-time, x-kubernetes-validations: "
                        + "[{rule: \"self > timestamp('2020-01-01T00:00:00Z')\"}]}", "'2019-06-01T00:00:00Z'",
                        "spec.x: Invalid value: \"string\": failed rule: self > timestamp('2020-01-01T00:00:00Z')"),
                row("duration format is a duration", "{type: string, format: duration, x-kubernetes-validations: "
                        + "[{rule: \"self <= duration('1h')\"}]}", "90m",
                        "spec.x: Invalid value: \"string\": failed rule: self <= duration('1h')"),
                row("quantity", "{type: string, x-kubernetes-validations: [{rule: "
                        + "\"isQuantity(self) && quantity(self).isLessThan(quantity('1Gi'))\"}]}", "2Gi",
                        "spec.x: Invalid value: \"string\": failed rule: isQuantity(self) && "
                                + "quantity(self).isLessThan(quantity('1Gi'))"),
                row("number is a double", "{type: number, x-kubernetes-validations: [{rule: 'self == 2.0'}]}", "2"),
                row("all rules run", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', message: a}, "
                        + "{rule: 'self > 2', message: b}]}", "0",
                        "spec.x: Invalid value: \"integer\": a", "spec.x: Invalid value: \"integer\": b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void reportsRuleFailures(String name, String schema, String value, List<String> expected) {
        assertThat(Yaml.render(Yaml.specSchema("x: " + schema).validate(withX(value), null)))
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> compileErrors() {
        String at = "properties[spec].properties[x].x-kubernetes-validations[0].";
        return Stream.of(
                rejected("undefined field", "{type: object, properties: {a: {type: integer}}, x-kubernetes-validations: "
                        + "[{rule: 'self.b > 0'}]}", at + "rule: Invalid value: {\"rule\":\"self.b > 0\"}: compilation "
                        + "failed: ERROR: <input>:1:5: undefined field 'b'"),
                rejected("not a bool", "{type: integer, x-kubernetes-validations: [{rule: 'self + 1'}]}",
                        at + "rule: Invalid value: {\"rule\":\"self + 1\"}: cel expression must evaluate to a bool"),
                rejected("type mismatch", "{type: string, x-kubernetes-validations: [{rule: 'self > 1'}]}",
                        at + "rule: Invalid value: {\"rule\":\"self > 1\"}: compilation failed: ERROR: <input>:1:6: "
                                + "found no matching overload for '_>_' applied to '(string, int)'"),
                rejected("messageExpression not a string", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', "
                        + "messageExpression: 'self'}]}", at + "messageExpression: Invalid value: {\"rule\":\"self > 1\","
                        + "\"messageExpression\":\"self\"}: messageExpression must evaluate to a string"),
                rejected("oldSelf under an atomic list", "{type: array, items: {type: integer, x-kubernetes-validations: "
                        + "[{rule: 'self == oldSelf'}]}}", "properties[spec].properties[x].items.x-kubernetes-"
                        + "validations[0].rule: Invalid value: \"self == oldSelf\": oldSelf cannot be used on the "
                        + "uncorrelatable portion of the schema within properties[spec].properties[x]"),
                rejected("optionalOldSelf without oldSelf", "{type: integer, x-kubernetes-validations: [{rule: 'self > 1', "
                        + "optionalOldSelf: true}]}", at + "optionalOldSelf: Invalid value: true: may not be set if "
                        + "oldSelf is not used in rule"),
                rejected("empty rule", "{type: integer, x-kubernetes-validations: [{rule: ' '}]}",
                        at + "rule: Required value: rule is not specified"),
                rejected("unknown reason", "{type: integer, x-kubernetes-validations: [{rule: 'true', reason: Nope}]}",
                        at + "reason: Unsupported value: \"Nope\": supported values: \"FieldValueDuplicate\", "
                                + "\"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\""),
                rejected("fieldPath to nowhere", "{type: object, properties: {a: {type: integer}}, x-kubernetes-validations: "
                        + "[{rule: 'true', fieldPath: .b}]}", at + "fieldPath: Invalid value: \".b\": must be a valid path"),
                rejected("multi-line rule without message", "{type: integer, x-kubernetes-validations: [{rule: \"self > 1 "
                        + "&&\\n self < 5\"}]}", at + "message: Required value: message must be specified if rule "
                        + "contains line breaks"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compileErrors")
    void rejectsRulesThatDoNotCompile(String name, String schema, List<String> expected) {
        assertThatThrownBy(() -> Yaml.specSchema("x: " + schema))
                .isInstanceOfSatisfying(SchemaException.class, e -> assertThat(Yaml.render(e.errors()))
                        .singleElement().asString().startsWith(expected.get(0)));
    }

    @Test
    void rootRulesSeeTypeMetaAndName() {
        StructuralSchema s = StructuralSchema.compile(Yaml.parse("""
                type: object
                x-kubernetes-validations:
                - rule: "self.metadata.name.startsWith(self.kind.lowerAscii())"
                  message: name must start with the kind
                properties:
                  apiVersion: {type: string}
                  kind: {type: string}
                  metadata: {type: object}
                """));

        assertThat(s.validate(Yaml.object("{kind: Cluster, metadata: {name: cluster-1}}"), null)).isEmpty();
        assertThat(Yaml.render(s.validate(Yaml.object("{kind: Cluster, metadata: {name: c1}}"), null)))
                .containsExactly("<nil>: Invalid value: \"object\": name must start with the kind");
    }

    @Test
    void schemaErrorsBlockRules() {
        StructuralSchema s = Yaml.specSchema("x: {type: integer, x-kubernetes-validations: [{rule: 'self > 1'}]}\n"
                + "y: {type: string}");

        assertThat(Yaml.render(s.validate(Yaml.object("{spec: {x: 0, y: 1}}"), null))).containsExactly(
                "spec.y: Invalid value: \"integer\": spec.y in body must be of type string: \"integer\"",
                "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; "
                        + "correct the existing errors to complete validation");
    }

    @Test
    void expensiveRulesHitTheCostLimit() {
        StructuralSchema s = Yaml.specSchema("""
                x:
                  type: array
                  items: {type: integer}
                  x-kubernetes-validations:
                  - rule: self.all(a, self.all(b, self.all(c, a + b + c >= 0)))
                    message: cubic
                  - rule: self.size() > 1000
                    message: never evaluated
                """);
        String items = String.join(",", java.util.Collections.nCopies(200, "1"));

        assertThat(Yaml.render(s.validate(withX("[" + items + "]"), null))).containsExactly(
                "spec.x: Invalid value: \"array\": 'operation cancelled: actual cost limit exceeded': no further "
                        + "validation rules will be run due to call cost exceeds limit for rule: cubic");
    }

    static ObjectNode withX(String value) {
        ObjectNode obj = Yaml.object("{spec: {}}");
        ((ObjectNode) obj.get("spec")).set("x", Yaml.parse("v: " + value).get("v"));
        return obj;
    }

    private static Arguments row(String name, String schema, String value, String... expected) {
        return Arguments.of(name, schema, value, List.of(expected));
    }

    private static Arguments rejected(String name, String schema, String expected) {
        return Arguments.of(name, schema, List.of(expected));
    }
}
