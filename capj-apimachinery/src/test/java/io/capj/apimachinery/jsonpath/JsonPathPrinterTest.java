package io.capj.apimachinery.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.apimachinery.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathPrinterTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'\"text\"'                   | text",
            "42                           | 42",
            "-7                           | -7",
            "1.5                          | 1.5",
            "2.0                          | 2",
            "100000.0                     | 100000",
            "1000000.0                    | 1e+06",
            "1234567.5                    | 1.2345675e+06",
            "0.0001                       | 0.0001",
            "0.00001                      | 1e-05",
            "-0.25                        | -0.25",
            "1e21                         | 1e+21",
            "true                         | true",
            "null                         | <no value>",
            "'{\"b\":1,\"a\":[\"x\",null]}' | 'map[a:[x <nil>] b:1]'",
            "'[]'                         | '[]'",
            "'{}'                         | 'map[]'",
    })
    void printsLikeGoFmt(String json, String expected) {
        assertThat(JsonPathPrinter.text(Json.parse(json))).isEqualTo(expected);
    }
}
