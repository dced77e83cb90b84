package io.capj.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "equal objects give an empty patch | {'a':1,'b':{'c':2}}      | {'a':1,'b':{'c':2}}        | {}",
        "changed scalar                    | {'a':1,'b':2}            | {'a':3,'b':2}              | {'a':3}",
        "added field                       | {'a':1}                  | {'a':1,'b':{'c':2}}        | {'b':{'c':2}}",
        "removed field becomes null        | {'a':1,'b':2}            | {'a':1}                    | {'b':null}",
        "nested change keeps siblings out  | {'m':{'l':{'x':'1','y':'2'}}} | {'m':{'l':{'x':'1','y':'3'}}} | {'m':{'l':{'y':'3'}}}",
        "arrays are replaced whole         | {'a':[1,2,3]}            | {'a':[1,3]}                | {'a':[1,3]}",
        "object replaced by scalar         | {'a':{'b':1}}            | {'a':'x'}                  | {'a':'x'}",
    })
    void computesTheSmallestMergePatch(String ignoredCase, String before, String after, String expected)
            throws Exception {
        ObjectNode patch = MergePatchDiff.diff(json(before), json(after));

        assertThat(patch).isEqualTo(json(expected));
    }

    private static ObjectNode json(String singleQuoted) throws Exception {
        return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
