package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static io.capj.apimachinery.patch.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerSideApplyTest {
    static final String V = "cluster.x-k8s.io/v1beta2";
    static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-24T06:01:00Z");
    static final Instant T2 = Instant.parse("2026-11-24T06:02:00Z");
    static final MergeSchema CLUSTER = MergeSchemas.object()
            .mapList("status.conditions", "type")
            .set("spec.tags")
            .build();

    /** An applied configuration for Cluster default/c1 with the given top-level fields. */
    static ObjectNode cluster(String fields) {
        ObjectNode o = obj("{'apiVersion':'" + V + "','kind':'Cluster','metadata':{'name':'c1','namespace':'default'}}");
        ObjectNode extra = obj(fields);
        extra.properties().forEach(e -> {
            if (e.getKey().equals("metadata")) {
                ((ObjectNode) o.get("metadata")).setAll((ObjectNode) e.getValue());
            } else {
                o.set(e.getKey(), e.getValue());
            }
        });
        return o;
    }

    static ServerSideApply.Result apply(ObjectNode live, ObjectNode config, String manager, boolean force, Instant now) {
        return ServerSideApply.apply(live, config, manager, force, CLUSTER, now, V, "");
    }

    /** The stored object after a non-apply write by {@code manager}. */
    static ObjectNode update(ObjectNode old, ObjectNode updated, String manager, Instant now) {
        ObjectNode out = updated.deepCopy();
        ((ObjectNode) out.get("metadata")).set("managedFields",
                ManagedFields.recordUpdate(old, updated, manager, CLUSTER, now, V, ""));
        return out;
    }

    static String fieldsOf(JsonNode object, String manager) {
        for (JsonNode e : object.at("/metadata/managedFields")) {
            if (e.path("manager").asText().equals(manager)) {
                return Json.string(e.get("fieldsV1"));
            }
        }
        return null;
    }

    @Test
    void createsTheObjectAndRecordsTheApplier() {
        ObjectNode config = cluster("{'metadata':{'labels':{'env':'dev'}},'spec':{'paused':false}}");
        ServerSideApply.Result r = apply(null, config, "kubectl", false, T0);
        assertThat(r.changed()).isTrue();
        ObjectNode expected = config.deepCopy();
        ((ObjectNode) expected.get("metadata")).set("managedFields", json("[{'manager':'kubectl','operation':'Apply',"
                + "'apiVersion':'" + V + "','time':'2026-11-24T06:00:00Z','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:metadata':{'f:labels':{'f:env':{}}},'f:spec':{'f:paused':{}}}}]"));
        assertThat(r.object()).isEqualTo(expected);
        assertThat(r.managedFields()).isEqualTo(expected.at("/metadata/managedFields"));
    }

    @Test
    void reapplyingTheSameConfigurationChangesNothingNotEvenTimestamps() {
        ObjectNode config = cluster("{'metadata':{'finalizers':['a/b']},'spec':{'paused':false,'tags':['x']},"
                + "'status':{'conditions':[{'type':'Ready','status':'True'}]}}");
        ObjectNode live = apply(null, config, "kubectl", false, T0).object();
        ServerSideApply.Result again = apply(live, config, "kubectl", false, T1);
        assertThat(again.changed()).isFalse();
        assertThat(Json.string(again.object())).isEqualTo(Json.string(live));
        assertThat(Json.string(again.managedFields())).isEqualTo(Json.string(live.at("/metadata/managedFields")));
    }

    @Test
    void twoManagersOwnTheirOwnFields() {
        ObjectNode live = apply(null, cluster("{'spec':{'paused':false}}"), "kubectl", false, T0).object();
        ObjectNode out = apply(live, cluster("{'spec':{'replicas':3}}"), "capi", false, T1).object();
        assertThat(out.at("/spec")).isEqualTo(json("{'paused':false,'replicas':3}"));
        assertThat(out.at("/metadata/managedFields")).extracting(e -> e.get("manager").asText())
                .containsExactly("kubectl", "capi");
        assertThat(fieldsOf(out, "kubectl")).isEqualTo("{\"f:spec\":{\"f:paused\":{}}}");
        assertThat(fieldsOf(out, "capi")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
    }

    @Test
    void refusesToChangeAFieldAnotherManagerOwns() {
        ObjectNode created = update(null, cluster("{'spec':{'paused':false}}"), "kubectl-client-side-apply", T0);
        assertThatThrownBy(() -> apply(created, cluster("{'spec':{'paused':true}}"), "kubectl", false, T1))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("Conflict");
                    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with "
                            + "\"kubectl-client-side-apply\" using cluster.x-k8s.io/v1beta2: .spec.paused");
                    ObjectNode cause = Json.object().put("reason", "FieldManagerConflict")
                            .put("message", "conflict with \"kubectl-client-side-apply\" using " + V)
                            .put("field", ".spec.paused");
                    assertThat(e.details().get("causes")).containsExactly(cause);
                });
    }

    @Test
    void listsSeveralConflictsByManager() {
        ObjectNode live = apply(null, cluster("{'spec':{'x':1,'y':1}}"), "a", false, T0).object();
        live = update(live, cluster("{'spec':{'x':1,'y':1,'z':1}}"), "b", T1);
        ObjectNode conflicting = live;
        assertThatThrownBy(() -> apply(conflicting, cluster("{'spec':{'x':2,'y':2,'z':2}}"), "c", false, T2))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Apply failed with 3 conflicts: conflicts with \"a\":\n"
                            + "- .spec.x\n- .spec.y\nconflicts with \"b\" using " + V + ":\n- .spec.z");
                    assertThat(e.details().get("causes")).extracting(c -> c.get("field").asText())
                            .containsExactly(".spec.x", ".spec.y", ".spec.z");
                });
    }

    @Test
    void applyingTheSameValueSharesOwnership() {
        ObjectNode live = update(null, cluster("{'spec':{'paused':false}}"), "kubectl-client-side-apply", T0);
        ServerSideApply.Result r = apply(live, cluster("{'spec':{'paused':false}}"), "kubectl", false, T1);
        assertThat(r.changed()).isTrue();
        assertThat(fieldsOf(r.object(), "kubectl")).isEqualTo("{\"f:spec\":{\"f:paused\":{}}}");
        assertThat(fieldsOf(r.object(), "kubectl-client-side-apply")).contains("f:paused");
    }

    @Test
    void forceTakesOwnershipAway() {
        ObjectNode live = update(null, cluster("{'spec':{'paused':false,'replicas':1}}"), "old", T0);
        ObjectNode out = apply(live, cluster("{'spec':{'paused':true}}"), "new", true, T1).object();
        assertThat(out.at("/spec")).isEqualTo(json("{'paused':true,'replicas':1}"));
        assertThat(fieldsOf(out, "new")).isEqualTo("{\"f:spec\":{\"f:paused\":{}}}");
        assertThat(fieldsOf(out, "old")).isEqualTo("{\"f:spec\":{\".\":{},\"f:replicas\":{}}}");
        ObjectNode all = apply(out, cluster("{'spec':{'replicas':2}}"), "new", true, T2).object();
        assertThat(fieldsOf(all, "old")).isEqualTo("{\"f:spec\":{}}");
    }

    @Test
    void removesFieldsTheApplierNoLongerAppliesUnlessSomeoneElseOwnsThem() {
        ObjectNode live = apply(null, cluster("{'spec':{'paused':true,'replicas':1,'other':'x'}}"), "kubectl", false, T0)
                .object();
        live = apply(live, cluster("{'spec':{'other':'x'}}"), "helper", false, T1).object();
        ObjectNode out = apply(live, cluster("{'spec':{'replicas':1}}"), "kubectl", false, T2).object();
        assertThat(out.at("/spec")).isEqualTo(json("{'replicas':1,'other':'x'}"));
        assertThat(fieldsOf(out, "kubectl")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        ObjectNode none = apply(out, cluster("{}"), "kubectl", false, T2).object();
        assertThat(none.at("/spec")).isEqualTo(json("{'other':'x'}"));
        assertThat(fieldsOf(none, "kubectl")).isNull();
    }

    @Test
    void dropsAWholeSubtreeNobodyClaimsAnyMore() {
        ObjectNode live = apply(null, cluster("{'spec':{'topology':{'version':'v1.30'}}}"), "kubectl", false, T0).object();
        ObjectNode out = apply(live, cluster("{'metadata':{'labels':{'a':'b'}}}"), "kubectl", false, T1).object();
        assertThat(out.has("spec")).isFalse();
        assertThat(out.at("/metadata/labels")).isEqualTo(json("{'a':'b'}"));
        assertThat(out.at("/metadata/name").asText()).isEqualTo("c1");
    }

    @Test
    void addsAFinalizerWithoutTouchingOthers() {
        ObjectNode live = apply(null, cluster("{'metadata':{'finalizers':['cluster.x-k8s.io/a']},'spec':{'paused':false}}"),
                "capi", false, T0).object();
        ObjectNode partial = cluster("{'metadata':{'finalizers':['josdk/finalizer']}}");
        ObjectNode out = apply(live, partial, "controller", false, T1).object();
        assertThat(out.at("/metadata/finalizers")).isEqualTo(json("['cluster.x-k8s.io/a','josdk/finalizer']"));
        assertThat(out.at("/spec/paused").asBoolean()).isFalse();
        assertThat(fieldsOf(out, "controller")).isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"josdk/finalizer\\\"\":{}}}}");
        assertThat(apply(out, partial, "controller", false, T2).changed()).isFalse();
        ObjectNode removed = apply(out, cluster("{'metadata':{'finalizers':[]}}"), "controller", false, T2).object();
        assertThat(removed.at("/metadata/finalizers")).isEqualTo(json("['cluster.x-k8s.io/a']"));
    }

    @Test
    void mergesMapListsByKey() {
        ObjectNode live = apply(null, cluster("{'status':{'conditions':[{'type':'Ready','status':'True'}]}}"),
                "capi", false, T0).object();
        ObjectNode out = apply(live, cluster("{'status':{'conditions':[{'type':'Synced','status':'False'}]}}"),
                "other", false, T1).object();
        assertThat(out.at("/status/conditions")).isEqualTo(json("[{'type':'Ready','status':'True'},{'type':'Synced','status':'False'}]"));
        assertThat(fieldsOf(out, "other")).isEqualTo("{\"f:status\":{\"f:conditions\":{\"k:{\\\"type\\\":\\\"Synced\\\"}\":"
                + "{\".\":{},\"f:status\":{},\"f:type\":{}}}}}");
        assertThatThrownBy(() -> apply(out, cluster("{'status':{'conditions':[{'type':'Ready','status':'False'}]}}"),
                "other", false, T2)).isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.getMessage())
                .isEqualTo("Apply failed with 1 conflict: conflict with \"capi\": .status.conditions[type=\"Ready\"].status"));
    }

    @Test
    void replacesAtomicListsWhole() {
        ObjectNode live = apply(null, cluster("{'spec':{'args':['a','b'],'tags':['a','b']}}"), "m", false, T0).object();
        ObjectNode out = apply(live, cluster("{'spec':{'args':['c'],'tags':['c']}}"), "n", true, T1).object();
        assertThat(out.at("/spec/args")).isEqualTo(json("['c']"));
        assertThat(out.at("/spec/tags")).isEqualTo(json("['a','b','c']"));
        assertThat(fieldsOf(out, "m")).isEqualTo("{\"f:spec\":{\"f:tags\":{\"v:\\\"a\\\"\":{},\"v:\\\"b\\\"\":{}}}}");
    }

    @Test
    void recordsTheStatusSubresourceAndIgnoresResetFields() {
        ObjectNode live = apply(null, cluster("{'spec':{'paused':false}}"), "kubectl", false, T0).object();
        ObjectNode status = cluster("{'spec':{'paused':true},'status':{'phase':'Provisioned'}}");
        ServerSideApply.Result r = ServerSideApply.apply(live, status, "ctrl", true, CLUSTER, T1, V, "status",
                FieldSet.of(FieldPath.fields("spec")));
        assertThat(r.object().at("/spec/paused").asBoolean()).isFalse();
        assertThat(r.object().at("/status/phase").asText()).isEqualTo("Provisioned");
        JsonNode entry = r.managedFields().get(0).get("manager").asText().equals("ctrl") ? r.managedFields().get(0)
                : r.managedFields().get(1);
        assertThat(entry.get("subresource").asText()).isEqualTo("status");
        assertThat(Json.string(entry.get("fieldsV1"))).isEqualTo("{\"f:status\":{\"f:phase\":{}}}");
        assertThatThrownBy(() -> ServerSideApply.apply(r.object(), cluster("{'status':{'phase':'Failed'}}"), "other",
                false, CLUSTER, T2, V, "")).hasMessage("Apply failed with 1 conflict: conflict with \"ctrl\" with "
                + "subresource \"status\": .status.phase");
    }

    @Test
    void aNullInTheConfigurationRemovesTheFieldButOwnsIt() {
        ObjectNode live = apply(null, cluster("{'spec':{'paused':true,'replicas':1}}"), "m", false, T0).object();
        ObjectNode out = apply(live, cluster("{'spec':{'paused':null,'replicas':1}}"), "m", false, T1).object();
        assertThat(out.at("/spec")).isEqualTo(json("{'replicas':1}"));
        assertThat(fieldsOf(out, "m")).isEqualTo("{\"f:spec\":{\"f:paused\":{},\"f:replicas\":{}}}");
    }

    @Test
    void mergesOwnerReferencesByUidAndIgnoresNullSystemFields() {
        ObjectNode live = apply(null, cluster("{'metadata':{'creationTimestamp':'2026-11-24T05:00:00Z','ownerReferences':"
                + "[{'uid':'u1','kind':'A','name':'a'}]}}"), "a", false, T0).object();
        ObjectNode out = apply(live, cluster("{'metadata':{'creationTimestamp':null,'ownerReferences':"
                + "[{'uid':'u2','kind':'B','name':'b'}]}}"), "b", false, T1).object();
        assertThat(out.at("/metadata/ownerReferences")).extracting(r -> r.get("uid").asText()).containsExactly("u1", "u2");
        assertThat(out.at("/metadata/creationTimestamp").asText()).isEqualTo("2026-11-24T05:00:00Z");
        assertThat(fieldsOf(out, "b")).isEqualTo("{\"f:metadata\":{\"f:ownerReferences\":{\"k:{\\\"uid\\\":\\\"u2\\\"}\":"
                + "{\".\":{},\"f:kind\":{},\"f:name\":{},\"f:uid\":{}}}}}");
    }

    /** An object written by {@code kubectl apply} (client-side): the annotation records the manifest. */
    static ObjectNode clientSideApplied(String spec) {
        ObjectNode manifest = cluster("{'spec':" + spec + "}");
        ObjectNode object = manifest.deepCopy();
        ((ObjectNode) object.get("metadata")).putObject("annotations")
                .put(LastAppliedConfiguration.ANNOTATION, Json.string(manifest) + "\n");
        return update(null, object, "kubectl-client-side-apply", T0);
    }

    @Test
    void kubectlTakesOverItsClientSideAppliedFieldsWithoutConflicts() {
        ObjectNode live = clientSideApplied("{'paused':false}");
        ServerSideApply.Result r = apply(live, cluster("{'spec':{'paused':true}}"), "kubectl", false, T1);
        assertThat(r.object().at("/spec/paused").asBoolean()).isTrue();
        assertThat(fieldsOf(r.object(), "kubectl")).isEqualTo("{\"f:spec\":{\"f:paused\":{}}}");
        assertThat(fieldsOf(r.object(), "kubectl-client-side-apply")).doesNotContain("f:paused");
        assertThat(r.object().at("/metadata/annotations").get(LastAppliedConfiguration.ANNOTATION).asText())
                .isEqualTo("{\"apiVersion\":\"" + V + "\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"c1\","
                        + "\"namespace\":\"default\"},\"spec\":{\"paused\":true}}\n");
        assertThat(apply(r.object(), cluster("{'spec':{'paused':true}}"), "kubectl", false, T2).changed()).isFalse();
    }

    @Test
    void onlyKubectlMayTakeOverAndOnlyWhatTheAnnotationRecords() {
        ObjectNode live = clientSideApplied("{'paused':false}");
        assertThatThrownBy(() -> apply(live, cluster("{'spec':{'paused':true}}"), "other", false, T1))
                .hasMessageContaining(".spec.paused");
        ObjectNode edited = update(live, withSpec(live, "{'paused':false,'replicas':1}"), "kubectl-client-side-apply", T1);
        assertThatThrownBy(() -> apply(edited, cluster("{'spec':{'paused':true,'replicas':2}}"), "kubectl", false, T2))
                .hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using " + V
                        + ": .spec.replicas");
    }

    private static ObjectNode withSpec(ObjectNode object, String spec) {
        ObjectNode out = object.deepCopy();
        out.set("spec", obj(spec));
        return out;
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of(obj("{'apiVersion':'v1','kind':'Cluster','metadata':{'name':'c1'}}"), 400,
                        "Incorrect version specified in apply patch. Specified patch version: v1, expected: " + V),
                Arguments.of(cluster("{'metadata':{'managedFields':[]}}"), 400, "metadata.managedFields must be nil"),
                Arguments.of(cluster("{'status':{'conditions':[{'status':'True'}]}}"), 400,
                        "failed to create typed patch object (default/c1; " + V + ", Kind=Cluster): .status.conditions: "
                                + "element 0: associative list with keys has an element that omits all key fields [\"type\"]"
                                + " (and doesn't have default values for any key fields)"),
                Arguments.of(cluster("{'status':{'conditions':[{'type':'Ready'},{'type':'Ready'}]}}"), 400,
                        "failed to create typed patch object (default/c1; " + V + ", Kind=Cluster): .status.conditions: "
                                + "duplicate entries for key [type=\"Ready\"]"));
    }

    @ParameterizedTest
    @MethodSource("badConfigurations")
    void rejectsMalformedConfigurations(ObjectNode config, int code, String message) {
        assertThatThrownBy(() -> apply(null, config, "m", false, T0))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void leavesItsInputsAlone() {
        ObjectNode live = apply(null, cluster("{'spec':{'paused':true}}"), "m", false, T0).object();
        ObjectNode liveCopy = live.deepCopy();
        ObjectNode config = cluster("{'spec':{'replicas':2}}");
        ObjectNode configCopy = config.deepCopy();
        apply(live, config, "m", false, T1);
        assertThat(live).isEqualTo(liveCopy);
        assertThat(config).isEqualTo(configCopy);
    }
}
