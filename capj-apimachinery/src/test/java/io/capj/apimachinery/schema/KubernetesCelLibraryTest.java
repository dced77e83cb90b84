package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CEL functions CRD rules may call; each expression must hold when evaluated as a rule. */
class KubernetesCelLibraryTest {

    static Stream<String> expressions() {
        return Stream.of(
                // strings (CEL-Java's strings extension, as Kubernetes' ext.Strings)
                "'Hello'.lowerAscii() == 'hello'", "'hello'.upperAscii() == 'HELLO'", "' a '.trim() == 'a'",
                "'a,b'.split(',') == ['a', 'b']", "['a', 'b'].join('-') == 'a-b'", "'aaa'.replace('a', 'b') == 'bbb'",
                "'abc'.indexOf('c') == 2", "'abca'.lastIndexOf('a') == 3", "'abc'.substring(1) == 'bc'",
                "'abc'.charAt(1) == 'b'", "'abc'.matches('^a')", "'abc'.startsWith('a') && 'abc'.endsWith('c')",
                "'abc'.contains('b')", "size('abc') == 3",
                // regex
                "'abc 123'.find('[0-9]+') == '123'", "'abc'.find('[0-9]+') == ''",
                "'123 abc 456'.findAll('[0-9]+') == ['123', '456']", "'123 abc 456'.findAll('[0-9]+', 1) == ['123']",
                // lists
                "[1, 2, 3].isSorted()", "![2, 1].isSorted()", "['a', 'b', 'b'].isSorted()", "[1, 3].sum() == 4",
                "[1.0, 3.0].sum() == 4.0", "[duration('1m'), duration('1s')].sum() == duration('61s')",
                "[3, 1, 2].min() == 1", "[3, 1, 2].max() == 3", "[1, 2, 2, 3].indexOf(2) == 1",
                "[1, 2, 2, 3].lastIndexOf(2) == 2", "[1].indexOf(5) == -1", "[3, 1].sort() == [1, 3]",
                "[[1], [2]].flatten() == [1, 2]", "[1, 2, 1].distinct() == [1, 2]",
                // macros and comprehensions
                "[1, 2].all(x, x > 0)", "[1, 2].exists(x, x == 2)", "[1, 2].exists_one(x, x == 2)",
                "[1, 2].map(x, x * 2) == [2, 4]", "[1, 2, 3].filter(x, x > 1) == [2, 3]",
                "{'a': 1}.all(k, v, v > 0)", "has({'a': 1}.a)",
                // sets
                "sets.contains([1, 2, 3], [2])", "sets.intersects([1], [1, 2])", "sets.equivalent([1, 2], [2, 1])",
                // numbers, time
                "1 < 1.5", "2.0 > 1", "duration('1h') > duration('30m')",
                "timestamp('2024-01-01T00:00:00Z') < timestamp('2025-01-01T00:00:00Z')",
                // URLs
                "url('https://example.com:80/path?k=v').getHost() == 'example.com:80'",
                "url('https://[::1]:80/').getHostname() == '::1'", "url('https://[::1]:80/').getPort() == '80'",
                "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
                "url('/path').getScheme() == ''", "url('https://example.com').getEscapedPath() == ''",
                "url('https://example.com/path with spaces/').getEscapedPath() == '/path%20with%20spaces/'",
                "isURL('https://user:pass@example.com:80/path?query=val#fragment')", "isURL('/absolute-path')",
                "!isURL('../relative-path')", "!isURL('https://a:b:c/')",
                // quantities
                "quantity('200M').compareTo(quantity('0.2G')) == 0", "quantity('50Mi').isGreaterThan(quantity('50M'))",
                "quantity('50M').isLessThan(quantity('100M'))", "quantity('50k').add(20) == quantity('50020')",
                "quantity('50k').sub(quantity('20k')) == quantity('30k')", "quantity('50k').asInteger() == 50000",
                "quantity('50k').sub(20000).asApproximateFloat() == 30000.0", "!isQuantity('200K')",
                "isQuantity('1.3Gi')", "!quantity('1.5').isInteger()", "quantity('-1').sign() == -1",
                "quantity('1e3') == quantity('1k')", "quantity('500m').add(quantity('500m')) == quantity('1')",
                // named formats
                "!format.dns1123Label().validate('my-name').hasValue()",
                "format.dns1123Label().validate('My_Name').value()[0].startsWith('a lowercase RFC 1123 label')",
                "format.dns1123Label().validate('a.b') == optional.of(['must not contain dots'])",
                "format.named('labelValue').hasValue()", "!format.named('nope').hasValue()",
                "!format.qualifiedName().validate('example.com/MyName').hasValue()",
                "format.uuid().validate('nope') == optional.of(['does not match the UUID format'])",
                "!format.dns1123LabelPrefix().validate('gen-').hasValue()",
                // self
                "self == 'v'", "self.size() == 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void holds(String expression) {
        ObjectNode rule = Json.object().put("rule", expression);
        ObjectNode x = Json.object().put("type", "string");
        x.putArray("x-kubernetes-validations").add(rule);
        StructuralSchema s = Yaml.specSchema("x: " + Json.string(x));

        assertThat(Yaml.render(s.validate(Yaml.object("{spec: {x: v}}"), null))).isEmpty();
    }
}
