package io.capj.apimachinery.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathTest {
    /** A v1beta2 Cluster the way CAPI's printer columns see it. */
    private static final JsonNode CLUSTER = Json.parse("""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster",
             "metadata":{"name":"c1","namespace":"default","creationTimestamp":"2026-11-24T06:01:33Z",
                         "labels":{"cluster.x-k8s.io/cluster-name":"c1","env":"dev"}},
             "spec":{"topology":{"classRef":{"name":"quick-start"},"version":"v1.31.0",
                     "controlPlane":{"replicas":3}},"paused":false},
             "status":{"phase":"Provisioned","observedGeneration":2,"ratio":1.5,"big":1234567.0,
                       "initialization":{"infrastructureProvisioned":true},
                       "conditions":[{"type":"Available","status":"True","reason":"Available"},
                                     {"type":"ControlPlaneAvailable","status":"False","reason":"Waiting"},
                                     {"type":"Paused","status":"False"},
                                     {"status":"Unknown"}],
                       "replicas":[1,2,3,4,5],
                       "nothing":null}}
            """);

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            ".status.conditions[?(@.type==\"Available\")].status      | True",
            ".status.conditions[?(@.type=='ControlPlaneAvailable')].reason | Waiting",
            ".status.conditions[?(@.type == \"Paused\")].status       | False",
            ".status.conditions[?(@.type!=\"Available\")].status      | False False",
            ".status.conditions[?(@.reason)].type                     | Available ControlPlaneAvailable",
            ".spec.topology.version                                   | v1.31.0",
            ".spec.topology.classRef.name                             | quick-start",
            ".metadata.creationTimestamp                              | 2026-11-24T06:01:33Z",
            "{.metadata.name}                                         | c1",
            "metadata.name                                            | c1",
            "{metadata.name}                                          | c1",
            "$.metadata.name                                          | c1",
            ".metadata.labels.cluster\\.x-k8s\\.io/cluster-name        | c1",
            ".metadata['name']                                        | c1",
            ".status.replicas[0]                                      | 1",
            ".status.replicas[-1]                                     | 5",
            ".status.replicas[1:3]                                    | 2 3",
            ".status.replicas[::2]                                    | 1 3 5",
            ".status.replicas[*]                                      | 1 2 3 4 5",
            ".status.replicas[0,4]                                    | 1 5",
            ".status.replicas[?(@ > 3)]                               | 4 5",
            ".status.observedGeneration                               | 2",
            ".status.ratio                                            | 1.5",
            ".status.big                                              | 1.234567e+06",
            ".spec.paused                                             | false",
            ".status.initialization.infrastructureProvisioned         | true",
            ".spec.topology.controlPlane                              | map[replicas:3]",
            "..version                                                | v1.31.0",
            "..replicas                                               | 3 [1 2 3 4 5]",
            ".status.nothing                                          | <no value>",
            ".status.missing                                          | ''",
            "'{.metadata.name}/{.metadata.namespace}'                 | c1/default",
    })
    void capiPrinterColumnPaths(String path, String expected) {
        assertThat(JsonPath.compile(path).execute(CLUSTER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "'.status.replicas[9]'                   | array index out of bounds: index 9, length 5",
            "'.status.replicas[3:1]'                 | starting index 3 is greater than ending index 1",
            "'.status.replicas[0:2:0]'               | step must be > 0",
            "'.status.phase[0]'                      | string is not array or slice",
            "'.status.conditions[?(@.type==1)]'      | incompatible types for comparison",
            "'.status.replicas[?(@ > 1.5)]'          | incompatible types for comparison",
            "'.status.conditions[?(@.type<true)]'    | incompatible types for comparison",
            "'.status[?(@.x==\"a\")]'                | is not array or slice and cannot be filtered",
            "'{range .items[*]}{end}'                | range and end are not supported",
    })
    void evaluationErrors(String path, String message) {
        JsonPath compiled = JsonPath.compile(path);
        assertThatThrownBy(() -> compiled.findResults(CLUSTER))
                .isInstanceOf(JsonPathException.class)
                .hasMessageContaining(message);
        assertThat(compiled.find(CLUSTER)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "'{.a'                      | unclosed action",
            "'{.a[0}'                   | unterminated array",
            "'{.a[?(@.x==\"y\"}'         | unterminated filter",
            "'{.a[?(@.x==\"y\")}'        | unclosed array expect ]",
            "'{.a[x]}'                  | invalid array index x",
            "'{.a[-]}'                  | array index - is not a number",
            "'{.a....b}'                | invalid multiple recursive descent",
            "'{\"x}'                    | unterminated quoted string",
            "'{%}'                      | unrecognized character in action: U+0025 '%'",
            "'{1.2.3}'                  | cannot parse number 1.2.3",
    })
    void parseErrors(String template, String message) {
        assertThatThrownBy(() -> JsonPath.template(template))
                .isInstanceOf(JsonPathException.class)
                .hasMessage(message);
    }

    @Test
    void missingKeysVanishUnlessStrict() {
        JsonPath path = JsonPath.compile(".spec.nope.deeper");
        assertThat(path.find(CLUSTER)).isEmpty();
        assertThatThrownBy(() -> path.strict().findResults(CLUSTER)).hasMessage("nope is not found");
    }

    @Test
    void findReturnsJsonValuesNotText() {
        List<JsonNode> found = JsonPath.compile(".spec.topology.controlPlane.replicas").find(CLUSTER);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).isIntegralNumber()).isTrue();
        assertThat(found.get(0).intValue()).isEqualTo(3);
    }

    @Test
    void filterSkipsElementsWithoutTheComparedField() {
        // The fourth condition has no type: upstream skips it instead of failing.
        assertThat(JsonPath.compile(".status.conditions[?(@.type!=\"Paused\")].status").find(CLUSTER))
                .extracting(JsonNode::asText).containsExactly("True", "False");
    }

    @Test
    void templateKeepsLiteralTextAsResults() {
        List<List<JsonNode>> results = JsonPath.template("name={.metadata.name}").findResults(CLUSTER);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get(0).asText()).isEqualTo("name=");
        assertThat(results.get(1).get(0).asText()).isEqualTo("c1");
    }

    @Test
    void quotedKeyIsReparsedAsDottedPathLikeUpstream() {
        // client-go turns ['a.b'] into .a.b, so a dotted label key cannot be reached this way.
        assertThat(JsonPath.compile(".metadata.labels['cluster.x-k8s.io/cluster-name']").find(CLUSTER)).isEmpty();
    }

    @Test
    void unquoteHandlesEscapes() {
        JsonNode doc = Json.parse("{\"items\":[{\"n\":\"a\\\"b\"},{\"n\":\"c\"}]}");
        assertThat(JsonPath.compile(".items[?(@.n==\"a\\\"b\")].n").execute(doc)).isEqualTo("a\"b");
        assertThat(JsonPath.compile(".items[?(@.n=='c')].n").execute(doc)).isEqualTo("c");
    }
}
