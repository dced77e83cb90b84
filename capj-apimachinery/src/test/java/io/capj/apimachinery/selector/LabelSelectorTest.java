package io.capj.apimachinery.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

    private static Map<String, String> labels(String spec) {
        Map<String, String> m = new HashMap<>();
        if (!spec.isEmpty()) {
            for (String kv : spec.split(";")) {
                String[] p = kv.split(":", 2);
                m.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        return m;
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "''                    | env:dev          | true",
            "env=dev               | env:dev          | true",
            "env==dev              | env:dev          | true",
            "env=dev               | env:prod         | false",
            "env=dev               | ''               | false",
            "env!=dev              | env:prod         | true",
            "env!=dev              | ''               | true",
            "env!=dev              | env:dev          | false",
            "env in (dev,qa)       | env:qa           | true",
            "env in (dev,qa)       | env:prod         | false",
            "env in (dev,qa)       | ''               | false",
            "env notin (dev,qa)    | env:prod         | true",
            "env notin (dev,qa)    | ''               | true",
            "env notin (dev,qa)    | env:dev          | false",
            "env                   | env:             | true",
            "env                   | tier:x           | false",
            "!env                  | tier:x           | true",
            "!env                  | env:x            | false",
            "replicas>5            | replicas:6       | true",
            "replicas>5            | replicas:5       | false",
            "replicas<5            | replicas:-1      | true",
            "replicas>5            | replicas:abc     | false",
            "replicas>5            | ''               | false",
            "env=dev,tier=web      | env:dev;tier:web | true",
            "env=dev,tier=web      | env:dev          | false",
            "'env=dev , !legacy'   | env:dev          | true",
            "env=                  | env:             | true",
            "env in ()             | env:             | true",
            "env in (a,,b)         | env:             | true",
            "in in (in)            | in:in            | true",
            "example.com/role=cp   | example.com/role:cp | true",
            "x in (a,)             | x:               | true",
    })
    void matches(String selector, String labelSpec, boolean expected) {
        assertThat(LabelSelector.parse(selector).matches(labels(labelSpec))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "x=a b            | found 'b', expected: ',' or 'end of string'",
            "x y              | unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt",
            "!=x              | found '!=', expected: !, identifier, or 'end of string'",
            "x=a,             | found '', expected: identifier after ','",
            ",x               | found ',', expected: !, identifier, or 'end of string'",
            "x in a           | unable to parse requirement: found 'a' expected: '('",
            "x in (a b)       | unable to parse requirement: found 'b', expected: ',' or ')'",
            "x in (a          | unable to parse requirement: found '', expected: ',' or ')'",
            "x in             | unable to parse requirement: found '' expected: '('",
            "x in (=)         | unable to parse requirement: found '=', expected: ',', ')' or identifier",
            "x=(              | unable to parse requirement: found '(', expected: identifier",
            "'! =x'           | unable to parse requirement: found '=', expected: identifier",
            "x>a              | unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
            "!x=y             | found '=', expected: ',' or 'end of string'",
    })
    void grammarErrors(String selector, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOf(StatusException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(400));
    }

    @Test
    void missingOperatorListsUpstreamOperators() {
        assertThatThrownBy(() -> LabelSelector.parse("x (a)"))
                .hasMessage("unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt");
    }

    @Test
    void invalidKeyUsesNilPathAndRegexMessage() {
        assertThatThrownBy(() -> LabelSelector.parse("a$b=c"))
                .hasMessage("unable to parse requirement: <nil>: Invalid value: \"a$b\": name part must consist of "
                        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }

    @Test
    void invalidValueNamesIndexAndKey() {
        assertThatThrownBy(() -> LabelSelector.parse("env=-bad"))
                .hasMessage("unable to parse requirement: values[0][env]: Invalid value: \"-bad\": a valid label must "
                        + "be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
                        + "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex "
                        + "used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "/a=b               | prefix part must be non-empty",
            "a/=b               | name part must be non-empty",
            "a/b/c=d            | a valid label key must consist of",
            "Example.com/a=b    | prefix part a lowercase RFC 1123 subdomain must consist of",
    })
    void keyPrefixRules(String selector, String fragment) {
        assertThatThrownBy(() -> LabelSelector.parse(selector)).hasMessageContaining(fragment);
    }

    @Test
    void valueLongerThan63BytesIsRejected() {
        assertThatThrownBy(() -> LabelSelector.parse("k=" + "a".repeat(64)))
                .hasMessageContaining("must be no more than 63 bytes");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'b=2,a in (z,y),!c' | 'a in (y,z),b=2,!c'",
            "x>5                 | x>5",
            "'  '                | ''",
            "'k in (,)'          | k in ()",
    })
    void canonicalString(String selector, String expected) {
        assertThat(LabelSelector.parse(selector).toString()).isEqualTo(expected);
    }

    @Test
    void exactValueForPinnedKeys() {
        LabelSelector s = LabelSelector.parse("a=1,b in (2),c in (3,4),d!=5");
        assertThat(s.exactValue("a")).isEqualTo("1");
        assertThat(s.exactValue("b")).isEqualTo("2");
        assertThat(s.exactValue("c")).isNull();
        assertThat(s.exactValue("d")).isNull();
        assertThat(s.exactValue("zz")).isNull();
    }

    @Test
    void emptyAndNullAreEverything() {
        assertThat(LabelSelector.parse(null).isEmpty()).isTrue();
        assertThat(LabelSelector.parse("").matches(null)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "null                                                                | a:1 | false",
            "{}                                                                  | a:1 | true",
            "{\"matchLabels\":{\"a\":\"1\"}}                                     | a:1 | true",
            "{\"matchLabels\":{\"a\":\"2\"}}                                     | a:1 | false",
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"1\",\"3\"]}]}   | a:1 | true",
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"NotIn\",\"values\":[\"1\"]}]}      | a:1 | false",
            "{\"matchExpressions\":[{\"key\":\"b\",\"operator\":\"Exists\"}]}                        | a:1 | false",
            "{\"matchExpressions\":[{\"key\":\"b\",\"operator\":\"DoesNotExist\"}]}                  | a:1 | true",
            "{\"matchLabels\":{\"a\":\"1\"},\"matchExpressions\":[{\"key\":\"c\",\"operator\":\"Exists\"}]} | a:1;c: | true",
    })
    void metaV1Selectors(String json, String labelSpec, boolean expected) {
        LabelSelector s = LabelSelector.fromMetaV1(Json.parse(json));
        assertThat(s.matches(labels(labelSpec))).isEqualTo(expected);
    }

    @Test
    void metaV1MissingNodeMatchesNothing() {
        assertThat(LabelSelector.fromMetaV1(Json.object().path("selector")).matches(Map.of())).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Gt\",\"values\":[\"1\"]}]}  | \"Gt\" is not a valid label selector operator",
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\"}]}                     | values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Exists\",\"values\":[\"x\"]}]} | values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist",
            "{\"matchLabels\":{\"a b\":\"1\"}}                                                | key: Invalid value: \"a b\": name part must consist of",
    })
    void metaV1Errors(String json, String fragment) {
        assertThatThrownBy(() -> LabelSelector.fromMetaV1(Json.parse(json)))
                .isInstanceOf(StatusException.class)
                .hasMessageContaining(fragment);
    }
}
