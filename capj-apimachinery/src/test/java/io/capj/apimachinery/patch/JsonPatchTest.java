package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static io.capj.apimachinery.patch.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {
    private static final String DOC = "{'metadata':{'name':'c1','resourceVersion':'7'},'spec':{'paused':false,'list':[1,2]}}";

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("[{'op':'add','path':'/metadata/labels','value':{'a':'b'}}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7','labels':{'a':'b'}},'spec':{'paused':false,'list':[1,2]}}"),
                Arguments.of("[{'op':'add','path':'/metadata/resourceVersion','value':'101'}]",
                        "{'metadata':{'name':'c1','resourceVersion':'101'},'spec':{'paused':false,'list':[1,2]}}"),
                Arguments.of("[{'op':'replace','path':'/spec/paused','value':true}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7'},'spec':{'paused':true,'list':[1,2]}}"),
                Arguments.of("[{'op':'remove','path':'/spec/list/0'}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7'},'spec':{'paused':false,'list':[2]}}"),
                Arguments.of("[{'op':'add','path':'/spec/list/-','value':3}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7'},'spec':{'paused':false,'list':[1,2,3]}}"),
                Arguments.of("[{'op':'move','from':'/spec/paused','path':'/spec/stopped'}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7'},'spec':{'list':[1,2],'stopped':false}}"),
                Arguments.of("[{'op':'copy','from':'/metadata/name','path':'/spec/name'}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7'},'spec':{'paused':false,'list':[1,2],'name':'c1'}}"),
                Arguments.of("[{'op':'test','path':'/spec/paused','value':false},{'op':'remove','path':'/spec'}]",
                        "{'metadata':{'name':'c1','resourceVersion':'7'}}"),
                Arguments.of("[]", DOC));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void appliesOperations(String patch, String expected) {
        ObjectNode target = obj(DOC);
        assertThat(JsonPatch.apply(target, json(patch))).isEqualTo(json(expected));
        assertThat(target).isEqualTo(obj(DOC));
    }

    static Stream<Arguments> undecodable() {
        return Stream.of(
                Arguments.of("{'op':'add','path':'/a','value':1}"),
                Arguments.of("[1]"),
                Arguments.of("[{'op':'frobnicate','path':'/a'}]"),
                Arguments.of("[{'path':'/a','value':1}]"),
                Arguments.of("[{'op':'add','value':1}]"),
                Arguments.of("[{'op':'add','path':'/a'}]"),
                Arguments.of("[{'op':'move','path':'/a'}]"),
                Arguments.of("[{'op':"));
    }

    @ParameterizedTest
    @MethodSource("undecodable")
    void answers400ForUndecodablePatches(String patch) {
        assertThatThrownBy(() -> JsonPatch.apply(obj(DOC), patch.replace('\'', '"').getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).startsWith("error decoding patch: ");
                });
    }

    static Stream<Arguments> unappliable() {
        return Stream.of(
                Arguments.of("[{'op':'test','path':'/spec/paused','value':true}]"),
                Arguments.of("[{'op':'remove','path':'/spec/missing'}]"),
                Arguments.of("[{'op':'replace','path':'/spec/missing','value':1}]"),
                Arguments.of("[{'op':'add','path':'/missing/child','value':1}]"),
                Arguments.of("[{'op':'add','path':'/spec/list/9','value':1}]"),
                Arguments.of("[{'op':'move','from':'/nope','path':'/spec/x'}]"),
                Arguments.of("[{'op':'replace','path':'','value':[1]}]"));
    }

    @ParameterizedTest
    @MethodSource("unappliable")
    void answers422WithUpstreamsFixedMessageWhenAnOperationFails(String patch) {
        assertThatThrownBy(() -> JsonPatch.apply(obj(DOC), json(patch)))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("Invalid");
                    assertThat(e.getMessage()).isEqualTo("the server rejected our request due to an error in our request");
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void answers413AboveTenThousandOperations() {
        ArrayNode patch = Json.MAPPER.createArrayNode();
        for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
            patch.addObject().put("op", "test").put("path", "/metadata/name").put("value", "c1");
        }
        assertThatThrownBy(() -> JsonPatch.apply(obj(DOC), patch))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("The allowed maximum operations in a JSON patch is 10000, got 10001");
                });
        patch.remove(0);
        assertThat(JsonPatch.apply(obj(DOC), patch)).isEqualTo(obj(DOC));
    }
}
