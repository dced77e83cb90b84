package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static io.capj.apimachinery.patch.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {

    /** RFC 7386 appendix A, plus the kubectl shapes that use merge patch. */
    static Stream<Arguments> rfc7386() {
        return Stream.of(
                Arguments.of("{'a':'b'}", "{'a':'c'}", "{'a':'c'}"),
                Arguments.of("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"),
                Arguments.of("{'a':'b'}", "{'a':null}", "{}"),
                Arguments.of("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"),
                Arguments.of("{'a':['b']}", "{'a':'c'}", "{'a':'c'}"),
                Arguments.of("{'a':'c'}", "{'a':['b']}", "{'a':['b']}"),
                Arguments.of("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"),
                Arguments.of("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"),
                Arguments.of("['a','b']", "['c','d']", "['c','d']"),
                Arguments.of("{'a':'b'}", "['c']", "['c']"),
                Arguments.of("{'a':'foo'}", "null", "null"),
                Arguments.of("{'a':'foo'}", "'bar'", "'bar'"),
                Arguments.of("{'e':null}", "{'a':1}", "{'e':null,'a':1}"),
                Arguments.of("[1,2]", "{'a':'b','c':null}", "{'a':'b'}"),
                Arguments.of("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"),
                Arguments.of("{'metadata':{'labels':{'a':'1'}}}", "{'metadata':{'labels':{'tier':'gold'}}}",
                        "{'metadata':{'labels':{'a':'1','tier':'gold'}}}"),
                Arguments.of("{'spec':{'replicas':1,'paused':false}}", "{'spec':{'replicas':3}}",
                        "{'spec':{'replicas':3,'paused':false}}"));
    }

    @ParameterizedTest
    @MethodSource("rfc7386")
    void mergesAsRfc7386Says(String target, String patch, String expected) {
        assertThat(MergePatch.merge(json(target), json(patch))).isEqualTo(json(expected));
    }

    @Test
    void leavesItsInputsAlone() {
        ObjectNode target = obj("{'a':{'b':1}}");
        ObjectNode patch = obj("{'a':{'b':null,'c':2}}");
        ObjectNode out = MergePatch.apply(target, patch);
        assertThat(out).isEqualTo(obj("{'a':{'c':2}}"));
        assertThat(target).isEqualTo(obj("{'a':{'b':1}}"));
        assertThat(patch).isEqualTo(obj("{'a':{'b':null,'c':2}}"));
    }

    static Stream<Arguments> undecodable() {
        return Stream.of(Arguments.of("[1]"), Arguments.of("\"x\""), Arguments.of("{"), Arguments.of(""));
    }

    @ParameterizedTest
    @MethodSource("undecodable")
    void rejectsPatchesThatAreNotObjects(String body) {
        assertThatThrownBy(() -> MergePatch.apply(obj("{}"), body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("error decoding patch: ");
                });
    }
}
