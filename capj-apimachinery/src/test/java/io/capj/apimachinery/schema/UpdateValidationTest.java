package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation on update: transition rules ({@code oldSelf}, {@code optionalOldSelf}) and ratcheting, where errors on
 * values unchanged from the old object are dropped, except for rules that use {@code oldSelf}. An old value of
 * {@code ~} means create.
 */
class UpdateValidationTest {
    private static final String BLOCKED = "<nil>: Invalid value: null: some validation rules were not checked because "
            + "the object was invalid; correct the existing errors to complete validation";
    private static final StructuralSchema SCHEMA = Yaml.specSchema("""
            replicas:
              type: integer
              x-kubernetes-validations: [{rule: self >= oldSelf, message: may only grow}]
            version:
              type: string
              x-kubernetes-validations: [{rule: self == oldSelf, message: is immutable}]
            fresh:
              type: integer
              x-kubernetes-validations:
              - {rule: 'oldSelf.hasValue() ? self > oldSelf.value() : self > 0', optionalOldSelf: true, message: must increase}
            name: {type: string, maxLength: 3}
            other: {type: string}
            short:
              type: string
              x-kubernetes-validations: [{rule: self.size() <= 3, message: too long}]
            toggle:
              type: string
              x-kubernetes-validations: [{rule: self != oldSelf, message: must change}]
            pool:
              type: array
              x-kubernetes-list-type: map
              x-kubernetes-list-map-keys: [name]
              items:
                type: object
                required: [name]
                properties:
                  name: {type: string}
                  size:
                    type: integer
                    maximum: 5
                    x-kubernetes-validations: [{rule: self >= oldSelf, message: may only grow}]
            tags:
              type: array
              items: {type: string, maxLength: 2}
            """);

    static Stream<Arguments> updates() {
        return Stream.of(
                row("transition rule skipped on create", "~", "{replicas: 1}"),
                row("transition rule passes", "{replicas: 1}", "{replicas: 2}"),
                row("transition rule fails", "{replicas: 3}", "{replicas: 2}",
                        "spec.replicas: Invalid value: \"integer\": may only grow"),
                row("immutability", "{version: a}", "{version: b}", "spec.version: Invalid value: \"string\": is immutable"),
                row("transition rule skipped when the field is new", "{}", "{version: b}"),
                row("optionalOldSelf runs on create", "~", "{fresh: 0}",
                        "spec.fresh: Invalid value: \"integer\": must increase"),
                row("optionalOldSelf sees the old value", "{fresh: 5}", "{fresh: 5}",
                        "spec.fresh: Invalid value: \"integer\": must increase"),
                row("optionalOldSelf without old field", "{}", "{fresh: 1}"),
                row("schema error ratchets when unchanged", "{name: abcd}", "{name: abcd, other: x}"),
                row("schema error reported when changed", "{name: abcd}", "{name: abcde}",
                        "spec.name: Too long: may not be more than 3 bytes", BLOCKED),
                row("schema error reported on create", "~", "{name: abcd}",
                        "spec.name: Too long: may not be more than 3 bytes", BLOCKED),
                row("rule error ratchets when unchanged", "{short: abcd}", "{short: abcd, other: x}"),
                row("rule error reported when changed", "{short: abcd}", "{short: abcde}",
                        "spec.short: Invalid value: \"string\": too long"),
                row("rules using oldSelf never ratchet", "{toggle: a}", "{toggle: a}",
                        "spec.toggle: Invalid value: \"string\": must change"),
                row("map list items correlate by key", "{pool: [{name: a, size: 3}, {name: b, size: 1}]}",
                        "{pool: [{name: b, size: 1}, {name: a, size: 2}]}",
                        "spec.pool[1].size: Invalid value: \"integer\": may only grow"),
                row("new map list item has no oldSelf", "{pool: [{name: a, size: 3}]}",
                        "{pool: [{name: a, size: 3}, {name: c, size: 1}]}"),
                row("reordered map list is unchanged", "{pool: [{name: a, size: 9}, {name: b, size: 1}]}",
                        "{pool: [{name: b, size: 1}, {name: a, size: 9}]}"),
                row("changed map list item is checked", "{pool: [{name: a, size: 9}]}", "{pool: [{name: a, size: 10}]}",
                        "spec.pool[0].size: Invalid value: 10: spec.pool[0].size in body should be less than or equal "
                                + "to 5"),
                row("atomic list items ratchet only with the whole list", "{tags: [abc, x]}", "{tags: [abc, y]}",
                        "spec.tags[0]: Too long: may not be more than 2 bytes", BLOCKED),
                row("unchanged atomic list ratchets", "{tags: [abc, x]}", "{tags: [abc, x], other: o}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void validatesUpdates(String name, String oldSpec, String newSpec, List<String> expected) {
        var obj = Yaml.object("{apiVersion: v1, kind: K, spec: " + newSpec + "}");
        var old = oldSpec.equals("~") ? null : Yaml.object("{apiVersion: v1, kind: K, spec: " + oldSpec + "}");

        assertThat(Yaml.render(SCHEMA.validate(obj, old))).containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void typeMetaNeverRatchetsOnItsOwn() {
        StructuralSchema s = StructuralSchema.compile(Yaml.parse("""
                type: object
                properties:
                  kind: {type: string, enum: [Good]}
                  spec: {type: object, properties: {a: {type: integer}}}
                """));

        assertThat(Yaml.render(s.validate(Yaml.object("{kind: Bad, spec: {a: 2}}"),
                Yaml.object("{kind: Bad, spec: {a: 1}}"))))
                .containsExactly("kind: Unsupported value: \"Bad\": supported values: \"Good\"");
    }

    private static Arguments row(String name, String oldSpec, String newSpec, String... expected) {
        return Arguments.of(name, oldSpec, newSpec, List.of(expected));
    }
}
