package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static io.capj.apimachinery.patch.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManagedFieldsTest {
    static final String V = "v1";
    static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-24T06:01:00Z");
    static final MergeSchema NODE = MergeSchemas.object().mapList("status.conditions", "type").build();

    static ObjectNode node(String fields) {
        ObjectNode o = obj("{'apiVersion':'v1','kind':'Node','metadata':{'name':'n1','uid':'u','resourceVersion':'5'}}");
        o.setAll(obj(fields));
        return o;
    }

    static ObjectNode stored(ObjectNode object, ArrayNode managedFields) {
        ObjectNode out = object.deepCopy();
        ((ObjectNode) out.get("metadata")).set("managedFields", managedFields);
        return out;
    }

    static ArrayNode update(ObjectNode old, ObjectNode updated, String manager, Instant now) {
        return ManagedFields.recordUpdate(old, updated, manager, NODE, now, V, "");
    }

    @Test
    void aCreatorOwnsEverythingItSetExceptIdentity() {
        ArrayNode mf = update(null, node("{'metadata':{'name':'n1','labels':{'a':'b'}},'spec':{'unschedulable':true}}"),
                "kubectl-create", T0);
        assertThat(mf).isEqualTo(json("[{'manager':'kubectl-create','operation':'Update','apiVersion':'v1',"
                + "'time':'2026-11-24T06:00:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:labels':"
                + "{'.':{},'f:a':{}}},'f:spec':{'.':{},'f:unschedulable':{}}}}]"));
    }

    @Test
    void aWriterTakesTheFieldsItChangesFromOtherManagers() {
        ObjectNode v1 = node("{'spec':{'unschedulable':false,'podCIDR':'10.0.0.0/24'}}");
        ObjectNode live = stored(v1, update(null, v1, "kubelet", T0));
        ObjectNode v2 = node("{'spec':{'unschedulable':true,'podCIDR':'10.0.0.0/24'}}");
        ArrayNode mf = update(live, v2, "kubectl-cordon", T1);
        assertThat(mf).hasSize(2);
        assertThat(Json.string(entry(mf, "kubelet").get("fieldsV1")))
                .isEqualTo("{\"f:spec\":{\".\":{},\"f:podCIDR\":{}}}");
        assertThat(Json.string(entry(mf, "kubectl-cordon").get("fieldsV1")))
                .isEqualTo("{\"f:spec\":{\"f:unschedulable\":{}}}");
        assertThat(entry(mf, "kubelet").get("time").asText()).isEqualTo("2026-11-24T06:00:00Z");
    }

    @Test
    void removedFieldsLeaveEveryOwnerAndEmptyEntriesDisappear() {
        ObjectNode v1 = node("{'status':{'conditions':[{'type':'Ready','status':'True'}]}}");
        ObjectNode live = stored(v1, update(null, v1, "kubelet", T0));
        ArrayNode mf = update(live, node("{'status':{}}"), "cleaner", T1);
        assertThat(entry(mf, "kubelet").get("fieldsV1")).isEqualTo(json("{'f:status':{}}"));
        assertThat(entry(mf, "cleaner")).isNull();
    }

    @Test
    void aWriteThatChangesNothingKeepsManagedFieldsUntouched() {
        ObjectNode v1 = node("{'spec':{'unschedulable':false}}");
        ArrayNode before = update(null, v1, "kubelet", T0);
        ObjectNode live = stored(v1, before);
        ObjectNode sameButRespelled = stored(node("{'spec':{'unschedulable':false}}"), before);
        ArrayNode after = update(live, sameButRespelled, "other", T1);
        assertThat(Json.string(after)).isEqualTo(Json.string(before));
    }

    @Test
    void writersCanResetManagedFieldsButNotThroughStatus() {
        ObjectNode v1 = node("{'spec':{'unschedulable':false}}");
        ObjectNode live = stored(v1, update(null, v1, "kubelet", T0));
        assertThat(update(live, stored(v1, Json.MAPPER.createArrayNode()), "reset", T1)).isEmpty();
        ArrayNode status = ManagedFields.recordUpdate(live, stored(node("{'spec':{'unschedulable':false},'status':"
                + "{'phase':'Running'}}"), Json.MAPPER.createArrayNode()), "kubelet", NODE, T1, V, "status");
        assertThat(status).hasSize(2);
        assertThat(status.get(1).get("subresource").asText()).isEqualTo("status");
        assertThat(status.get(1).get("fieldsV1")).isEqualTo(json("{'f:status':{'.':{},'f:phase':{}}}"));
    }

    @Test
    void keepsAtMostTenUpdateManagers() {
        ObjectNode live = node("{'spec':{}}");
        live = stored(live, update(null, live, "creator", T0));
        for (int i = 0; i < 11; i++) {
            ObjectNode next = live.deepCopy();
            ((ObjectNode) next.get("spec")).put("f" + i, i);
            live = stored(next, update(live, next, "m" + i, T0.plusSeconds(i + 1)));
        }
        JsonNode mf = live.at("/metadata/managedFields");
        assertThat(mf).hasSize(ManagedFields.MAX_UPDATE_MANAGERS);
        JsonNode ancient = entry(mf, "ancient-changes");
        assertThat(ancient.get("fieldsV1")).isEqualTo(json("{'f:spec':{'.':{},'f:f0':{},'f:f1':{}}}"));
        assertThat(ancient.get("time").asText()).isEqualTo("2026-11-24T06:00:02Z");
        assertThat(entry(mf, "m10")).isNotNull();
    }

    @Test
    void decodesAndEncodesEntriesInUpstreamOrder() {
        ArrayNode wire = (ArrayNode) json("[{'manager':'b','operation':'Update','apiVersion':'v1','time':'2026-11-24T06:00:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{}}},{'manager':'z','operation':'Apply','apiVersion':'v1',"
                + "'time':'2026-11-24T07:00:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:a':{}}},{'manager':'a',"
                + "'operation':'Update','apiVersion':'v1','time':'2026-11-24T06:00:00+00:00','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:b':{}},'subresource':'status'}]");
        ArrayNode encoded = ManagedFields.decode(wire).encode();
        assertThat(encoded).extracting(e -> e.get("manager").asText()).containsExactly("z", "a", "b");
        assertThat(encoded.get(1).get("time").asText()).isEqualTo("2026-11-24T06:00:00Z");
        assertThat(ManagedFields.decode(encoded).encode()).isEqualTo(encoded);
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                Arguments.of("[{'manager':'m','operation':'Patch','apiVersion':'v1','fieldsType':'FieldsV1'}]"),
                Arguments.of("[{'manager':'m','operation':'Apply','fieldsType':'FieldsV1'}]"),
                Arguments.of("[{'manager':'m','operation':'Apply','apiVersion':'v1','fieldsType':'FieldsV2'}]"),
                Arguments.of("[{'manager':'m','operation':'Apply','apiVersion':'v1','fieldsType':'FieldsV1','fieldsV1':{'x':{}}}]"),
                Arguments.of("{}"));
    }

    @ParameterizedTest
    @MethodSource("badEntries")
    void rejectsEntriesUpstreamRejects(String managedFields) {
        assertThatThrownBy(() -> ManagedFields.decode(json(managedFields))).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> managers() {
        return Stream.of(
                Arguments.of("kubectl-client-side-apply", "kubectl.1.33/v1.33.1 (linux/amd64) kubernetes/8adc0f0",
                        "kubectl-client-side-apply"),
                Arguments.of(null, "kubectl.1.33/v1.33.1 (linux/amd64) kubernetes/8adc0f0", "kubectl.1.33"),
                Arguments.of("", "fabric8-kubernetes-client/7.5.2", "fabric8-kubernetes-client"),
                Arguments.of(null, "Kubernetes Java Client/24.0.0-SNAPSHOT", "Kubernetes Java Client"),
                Arguments.of(null, "bad\u0007agent", "badagent"),
                Arguments.of(null, null, ""),
                Arguments.of(null, "x".repeat(200), "x".repeat(128)));
    }

    @ParameterizedTest
    @MethodSource("managers")
    void namesTheManagerOfARequest(String param, String userAgent, String expected) {
        assertThat(ManagedFields.manager(param, userAgent)).isEqualTo(expected);
    }

    private static JsonNode entry(JsonNode managedFields, String manager) {
        for (JsonNode e : managedFields) {
            if (e.path("manager").asText().equals(manager)) {
                return e;
            }
        }
        return null;
    }
}
