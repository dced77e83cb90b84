package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.apimachinery.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSetTest {
    static final MergeSchema SCHEMA = MergeSchemas.object()
            .mapList("status.conditions", "type")
            .mapList("spec.ports", "port", "protocol")
            .mapList("spec.containers", "name")
            .atomicMap("spec.selector")
            .build();

    /** FieldsV1 as the apiserver writes it: parsing and writing again must give the same bytes. */
    static Stream<Arguments> upstreamSamples() {
        return Stream.of(
                Arguments.of("{\"f:metadata\":{\"f:finalizers\":{\".\":{},\"v:\\\"x/y\\\"\":{}}},\"f:status\":{\"f:conditions\":"
                        + "{\".\":{},\"k:{\\\"type\\\":\\\"Ready\\\"}\":{\".\":{},\"f:status\":{},\"f:type\":{}}}}}"),
                Arguments.of("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:env\":{}}},\"f:spec\":{\"f:paused\":{}}}"),
                Arguments.of("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:progressDeadlineSeconds\":{},"
                        + "\"f:replicas\":{},\"f:template\":{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":"
                        + "{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}"),
                Arguments.of("{\"f:spec\":{\"f:ports\":{\".\":{},\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":"
                        + "{\".\":{},\"f:port\":{},\"f:protocol\":{}},\"k:{\\\"port\\\":443,\\\"protocol\\\":\\\"TCP\\\"}\":{}}}}"),
                Arguments.of("{\"f:data\":{\".\":{},\"f:a\":{}},\"f:list\":{\"i:0\":{},\"i:2\":{},\"i:10\":{}}}"),
                Arguments.of("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"a\\\\u003cb\\\"\":{},\"v:\\\"b\\\"\":{}}}}"),
                Arguments.of("{}"));
    }

    @ParameterizedTest
    @MethodSource("upstreamSamples")
    void roundTripsFieldsV1ByteForByte(String fieldsV1) {
        FieldSet set = FieldsV1.parse(fieldsV1);
        assertThat(Json.string(set.toFieldsV1())).isEqualTo(fieldsV1);
        assertThat(FieldsV1.parse(Json.string(set.toFieldsV1()))).isEqualTo(set);
    }

    @Test
    void readsAMemberWrittenWithOnlyADotAsAPlainMember() {
        FieldSet set = FieldsV1.parse("{\"f:a\":{\".\":{}}}");
        assertThat(set).isEqualTo(FieldSet.of(FieldPath.fields("a")));
        assertThat(Json.string(set.toFieldsV1())).isEqualTo("{\"f:a\":{}}");
    }

    @Test
    void sortsKeysAsUpstreamAndSkipsUnknownKinds() {
        FieldSet set = FieldsV1.parse("{\"v:1\":{},\"i:0\":{},\"z:future\":{},\"k:{\\\"b\\\":1,\\\"a\\\":true}\":{},\"f:b\":{},\"f:a\":{}}");
        assertThat(Json.string(set.toFieldsV1()))
                .isEqualTo("{\"f:a\":{},\"f:b\":{},\"k:{\\\"a\\\":true,\\\"b\\\":1}\":{},\"v:1\":{},\"i:0\":{}}");
    }

    @Test
    void printsPathsAsUpstreamDoes() {
        FieldSet set = FieldsV1.parse("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"x/y\\\"\":{}}},\"f:status\":{\"f:conditions\":"
                + "{\"k:{\\\"type\\\":\\\"Ready\\\"}\":{\"f:status\":{}}}},\"f:spec\":{\"f:paused\":{},\"f:ports\":"
                + "{\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{}}}}");
        assertThat(set.paths()).map(FieldPath::toString).containsExactly(
                ".metadata.finalizers[=\"x/y\"]", ".spec.paused", ".spec.ports[port=80,protocol=\"TCP\"]",
                ".status.conditions[type=\"Ready\"].status");
    }

    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("{'apiVersion':'v1','metadata':{'name':'n','labels':{'env':'dev'}},'spec':{'paused':true}}",
                        "{'f:apiVersion':{},'f:metadata':{'f:labels':{'f:env':{}},'f:name':{}},'f:spec':{'f:paused':{}}}"),
                Arguments.of("{'metadata':{'finalizers':['x/y'],'labels':{}},'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
                        "{'f:metadata':{'f:finalizers':{'v:\\'x/y\\'':{}},'f:labels':{}},"
                                + "'f:status':{'f:conditions':{'k:{\\'type\\':\\'Ready\\'}':{'.':{},'f:status':{},'f:type':{}}}}}"),
                Arguments.of("{'spec':{'selector':{'a':'b'},'args':['x','y'],'gone':null,'ports':[{'protocol':'TCP','port':80}]}}",
                        "{'f:spec':{'f:args':{},'f:gone':{},'f:ports':{'k:{\\'port\\':80,\\'protocol\\':\\'TCP\\'}':"
                                + "{'.':{},'f:port':{},'f:protocol':{}}},'f:selector':{}}}"),
                Arguments.of("{'metadata':{'ownerReferences':[{'uid':'u1','kind':'K'}]},'spec':{'containers':[]}}",
                        "{'f:metadata':{'f:ownerReferences':{'k:{\\'uid\\':\\'u1\\'}':{'.':{},'f:kind':{},'f:uid':{}}}}}"));
    }

    @ParameterizedTest
    @MethodSource("objects")
    void computesTheFieldsAnObjectSets(String object, String fieldsV1) {
        String expected = fieldsV1.replace("\\'", "\\\"").replace('\'', '"').replace("\\\"", "\\\"");
        assertThat(Json.string(FieldSet.of(json(object), SCHEMA).toFieldsV1()))
                .isEqualTo(Json.string(Json.parse(expected)));
    }

    static Stream<Arguments> misfits() {
        return Stream.of(
                Arguments.of("{'status':{'conditions':[{'status':'True'}]}}",
                        ".status.conditions: element 0: associative list with keys has an element that omits all key fields"
                                + " [\"type\"] (and doesn't have default values for any key fields)"),
                Arguments.of("{'metadata':{'finalizers':[{'a':1}]}}",
                        ".metadata.finalizers: element 0: associative list without keys has an element that's a map type"),
                Arguments.of("{'metadata':{'finalizers':[null]}}",
                        ".metadata.finalizers: element 0: associative list without keys has an element that's an explicit null"),
                Arguments.of("{'status':{'conditions':['Ready']}}",
                        ".status.conditions: element 0: associative list with keys may not have non-map elements"));
    }

    @ParameterizedTest
    @MethodSource("misfits")
    void reportsItemsItCannotIdentify(String object, String message) {
        assertThatThrownBy(() -> FieldSet.of(json(object), SCHEMA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void combinesSetsPathByPath() {
        FieldSet a = FieldSet.of(FieldPath.fields("spec", "a"), FieldPath.fields("spec", "b"), FieldPath.fields("spec"));
        FieldSet b = FieldSet.of(FieldPath.fields("spec", "b"), FieldPath.fields("status", "c"));
        assertThat(a.union(b).paths()).map(FieldPath::toString)
                .containsExactly(".spec", ".spec.a", ".spec.b", ".status.c");
        assertThat(a.intersection(b).paths()).map(FieldPath::toString).containsExactly(".spec.b");
        assertThat(a.difference(b).paths()).map(FieldPath::toString).containsExactly(".spec", ".spec.a");
        assertThat(b.difference(a).paths()).map(FieldPath::toString).containsExactly(".status.c");
        assertThat(a.contains(FieldPath.fields("spec"))).isTrue();
        assertThat(b.contains(FieldPath.fields("spec"))).isFalse();
        assertThat(a.difference(a).isEmpty()).isTrue();
        assertThat(FieldSet.of(List.of()).isEmpty()).isTrue();
    }
}
