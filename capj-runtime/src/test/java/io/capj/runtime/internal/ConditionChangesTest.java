package io.capj.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "no change keeps the live list     | [{'type':'A','status':'True'}] | [{'type':'A','status':'True'}] | [{'type':'B','status':'True'}] | [{'type':'B','status':'True'}]",
        "my change replaces only my type   | [{'type':'A','status':'False'}] | [{'type':'A','status':'True'}] | [{'type':'B','status':'True'},{'type':'A','status':'False'}] | [{'type':'B','status':'True'},{'type':'A','status':'True'}]",
        "my new type is appended           | []                            | [{'type':'A','status':'True'}] | [{'type':'B','status':'True'}] | [{'type':'B','status':'True'},{'type':'A','status':'True'}]",
        "my removal removes only my type   | [{'type':'A','status':'True'}] | []                            | [{'type':'A','status':'True'},{'type':'B','status':'True'}] | [{'type':'B','status':'True'}]",
        "live list missing                 | []                            | [{'type':'A','status':'True'}] | null                           | [{'type':'A','status':'True'}]",
    })
    void appliesOnlyThisWritersChangesToTheLiveList(String ignoredCase, String before, String after, String live,
            String expected) throws Exception {
        ConditionChanges changes = ConditionChanges.between(json(before), json(after));

        assertThat((JsonNode) changes.applyTo(json(live))).isEqualTo(json(expected));
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
