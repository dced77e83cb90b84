package io.capj.apimachinery.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.apimachinery.StatusException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {
    private static final Map<String, String> EVENT = Map.of(
            "involvedObject.name", "c1",
            "involvedObject.kind", "Cluster",
            "metadata.name", "a,b=c\\d",
            "reason", "");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                                        | true",
            "involvedObject.name=c1                                    | true",
            "involvedObject.name==c1                                   | true",
            "involvedObject.name!=c1                                   | false",
            "involvedObject.name=c1,involvedObject.kind=Cluster        | true",
            "involvedObject.name=c1,involvedObject.kind=Machine        | false",
            "metadata.name=a\\,b\\=c\\\\d                              | true",
            "reason=                                                   | true",
            "type=                                                     | true",
            "type!=Normal                                              | true",
            "',,involvedObject.name=c1,'                               | true",
    })
    void matches(String selector, boolean expected) {
        assertThat(FieldSelector.parse(selector).matches(EVENT::get)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "abc                  | invalid selector: 'abc'; can't understand 'abc'",
            "a=b,c                | invalid selector: 'a=b,c'; can't understand 'c'",
            "a=b\\x               | invalid field selector: invalid escape sequence: \\x",
            "a=b\\                | invalid field selector: invalid escape sequence: \\",
            "a=b=c                | invalid field selector: unescaped character in value: 61",
            "a==b=c               | invalid field selector: unescaped character in value: 61",
    })
    void errors(String selector, String message) {
        assertThatThrownBy(() -> FieldSelector.parse(selector))
                .isInstanceOf(StatusException.class)
                .hasMessage(message);
    }

    @Test
    void unsupportedFieldIsBadRequestWithUpstreamText() {
        FieldSelector s = FieldSelector.parse("metadata.name=x,spec.foo=y");
        assertThatThrownBy(() -> s.requireSupported(Set.of("metadata.name", "metadata.namespace")))
                .isInstanceOf(StatusException.class)
                .hasMessage("field label not supported: spec.foo")
                .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(400));
        FieldSelector.parse("metadata.name=x").requireSupported(Set.of("metadata.name"));
    }

    @Test
    void fieldsExactValueAndCanonicalForm() {
        FieldSelector s = FieldSelector.parse("b!=2,metadata.name==x\\,y,b=3");
        assertThat(s.fields()).containsExactly("b", "metadata.name");
        assertThat(s.exactValue("metadata.name")).isEqualTo("x,y");
        assertThat(s.exactValue("b")).isEqualTo("3");
        assertThat(s.exactValue("c")).isNull();
        assertThat(s.toString()).isEqualTo("b!=2,b=3,metadata.name=x\\,y");
        assertThat(FieldSelector.parse(null).isEmpty()).isTrue();
    }

    @Test
    void kubectlDescribeEventQuery() {
        FieldSelector s = FieldSelector.parse("involvedObject.name=c1,involvedObject.namespace=default,"
                + "involvedObject.kind=Cluster,involvedObject.uid=u-1");
        Map<String, String> event = Map.of("involvedObject.name", "c1", "involvedObject.namespace", "default",
                "involvedObject.kind", "Cluster", "involvedObject.uid", "u-1");
        assertThat(s.matches(event::get)).isTrue();
        assertThat(s.fields()).hasSize(4);
    }
}
