package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static io.capj.apimachinery.patch.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrategicMergePatchTest {
    /** Node's patch strategies as k8s.io/api declares them, plus a test-only list for $retainKeys cases. */
    static final MergeSchema NODE = MergeSchemas.object()
            .mapList("status.conditions", "type")
            .mapList("status.addresses", "type")
            .set("spec.podCIDRs")
            .mapList("spec.mergingList", "name")
            .set("spec.mergingIntList")
            .build();

    static final String NODE_CONDITIONS = "{'status':{'conditions':["
            + "{'type':'Ready','status':'True'},{'type':'MemoryPressure','status':'False'}]}}";

    static Stream<Arguments> patches() {
        return Stream.of(
                Arguments.of("cordon sets one field",
                        "{'metadata':{'name':'n1'},'spec':{'podCIDR':'10.0.0.0/24'}}",
                        "{'spec':{'unschedulable':true}}",
                        "{'metadata':{'name':'n1'},'spec':{'podCIDR':'10.0.0.0/24','unschedulable':true}}"),
                Arguments.of("conditions merge by type and keep their order", NODE_CONDITIONS,
                        "{'status':{'conditions':[{'type':'Ready','status':'False','reason':'KubeletDown'}]}}",
                        "{'status':{'conditions':[{'type':'Ready','status':'False','reason':'KubeletDown'},"
                                + "{'type':'MemoryPressure','status':'False'}]}}"),
                Arguments.of("a new condition comes before server-only ones", NODE_CONDITIONS,
                        "{'status':{'conditions':[{'type':'DiskPressure','status':'False'}]}}",
                        "{'status':{'conditions':[{'type':'DiskPressure','status':'False'},"
                                + "{'type':'Ready','status':'True'},{'type':'MemoryPressure','status':'False'}]}}"),
                Arguments.of("$patch: delete removes a list item by key", NODE_CONDITIONS,
                        "{'status':{'conditions':[{'type':'Ready','$patch':'delete'}]}}",
                        "{'status':{'conditions':[{'type':'MemoryPressure','status':'False'}]}}"),
                Arguments.of("$patch: replace replaces the whole list", NODE_CONDITIONS,
                        "{'status':{'conditions':[{'$patch':'replace'},{'type':'PIDPressure','status':'False'}]}}",
                        "{'status':{'conditions':[{'type':'PIDPressure','status':'False'}]}}"),
                Arguments.of("addresses merge by type",
                        "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.1'},{'type':'Hostname','address':'n1'}]}}",
                        "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'}]}}",
                        "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'},{'type':'Hostname','address':'n1'}]}}"),
                Arguments.of("finalizers merge as a set, patch items in patch order ahead of later server items",
                        "{'metadata':{'finalizers':['a/x','b/y']}}", "{'metadata':{'finalizers':['c/z','b/y']}}",
                        "{'metadata':{'finalizers':['c/z','a/x','b/y']}}"),
                Arguments.of("a finalizer already present is not added twice",
                        "{'metadata':{'finalizers':['a/x','b/y']}}", "{'metadata':{'finalizers':['a/x']}}",
                        "{'metadata':{'finalizers':['a/x','b/y']}}"),
                Arguments.of("$deleteFromPrimitiveList removes finalizers",
                        "{'metadata':{'finalizers':['a/x','b/y','c/z']}}",
                        "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b/y','nope']}}",
                        "{'metadata':{'finalizers':['a/x','c/z']}}"),
                Arguments.of("$deleteFromPrimitiveList of an absent list adds nothing", "{'metadata':{}}",
                        "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a/x']}}", "{'metadata':{}}"),
                Arguments.of("ownerReferences merge by uid",
                        "{'metadata':{'ownerReferences':[{'uid':'u1','kind':'A','name':'a'},{'uid':'u2','kind':'B','name':'b'}]}}",
                        "{'metadata':{'ownerReferences':[{'uid':'u2','controller':true},{'uid':'u3','kind':'C','name':'c'}]}}",
                        "{'metadata':{'ownerReferences':[{'uid':'u1','kind':'A','name':'a'},"
                                + "{'uid':'u2','kind':'B','name':'b','controller':true},{'uid':'u3','kind':'C','name':'c'}]}}"),
                Arguments.of("null deletes and maps merge",
                        "{'metadata':{'labels':{'a':'1','b':'2'}},'data':{'k':'v'}}",
                        "{'metadata':{'labels':{'a':null,'c':'3'}},'data':{'k':'v2'}}",
                        "{'metadata':{'labels':{'b':'2','c':'3'}},'data':{'k':'v2'}}"),
                Arguments.of("lists without a strategy are replaced",
                        "{'spec':{'taints':[{'key':'a','effect':'NoSchedule'}]}}",
                        "{'spec':{'taints':[{'key':'b','effect':'NoExecute'}]}}",
                        "{'spec':{'taints':[{'key':'b','effect':'NoExecute'}]}}"),
                Arguments.of("$patch: replace on a map", "{'metadata':{'labels':{'a':'1','b':'2'}}}",
                        "{'metadata':{'labels':{'$patch':'replace','c':'3'}}}", "{'metadata':{'labels':{'c':'3'}}}"),
                Arguments.of("$patch: delete on a map", "{'spec':{'a':1},'data':{'k':'v'}}",
                        "{'spec':{'$patch':'delete'}}", "{'spec':{},'data':{'k':'v'}}"),
                Arguments.of("$patch: merge on a map is the default", "{'spec':{'a':1}}",
                        "{'spec':{'$patch':'merge','b':2}}", "{'spec':{'a':1,'b':2}}"),
                Arguments.of("$retainKeys clears fields not listed", "{'spec':{'strategy':{'value':'foo','x':1}}}",
                        "{'spec':{'strategy':{'$retainKeys':['other','x'],'other':'bar'}}}",
                        "{'spec':{'strategy':{'x':1,'other':'bar'}}}"),
                Arguments.of("$setElementOrder orders patch items, server-only items stay near their neighbours",
                        "{'spec':{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2},{'name':9},"
                                + "{'name':3,'value':3},{'name':4,'value':4}]}}",
                        "{'spec':{'$setElementOrder/mergingList':[{'name':2},{'name':1},{'name':4},{'name':3}]}}",
                        "{'spec':{'mergingList':[{'name':2,'value':2},{'name':1,'other':'a'},{'name':9},"
                                + "{'name':4,'value':4},{'name':3,'value':3}]}}"),
                Arguments.of("$setElementOrder with new items",
                        "{'spec':{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}}",
                        "{'spec':{'$setElementOrder/mergingList':[{'name':4},{'name':1},{'name':2},{'name':3}],"
                                + "'mergingList':[{'name':4,'value':4},{'name':3,'value':3}]}}",
                        "{'spec':{'mergingList':[{'name':4,'value':4},{'name':1,'other':'a'},"
                                + "{'name':2,'value':2,'other':'b'},{'name':3,'value':3}]}}"),
                Arguments.of("$setElementOrder with $deleteFromPrimitiveList on scalars",
                        "{'spec':{'mergingIntList':[1,2,3,4]}}",
                        "{'spec':{'$setElementOrder/mergingIntList':[1,2,4],'$deleteFromPrimitiveList/mergingIntList':[3]}}",
                        "{'spec':{'mergingIntList':[1,2,4]}}"),
                Arguments.of("directives inside new values are applied, never stored", "{}",
                        "{'spec':{'mergingList':[{'name':1,'$patch':'delete'},{'name':2,'x':null,'y':1}],"
                                + "'gone':{'$patch':'delete'},'new':{'$patch':'replace','a':1}}}",
                        "{'spec':{'mergingList':[{'name':2,'y':1}],'new':{'a':1}}}"),
                Arguments.of("kubectl client-side apply of a ConfigMap",
                        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm','annotations':{'x':'y'}},'data':{'a':'1','b':'2'}}",
                        "{'data':{'a':'3','b':null},'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}\\n'}}}",
                        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm','annotations':{'x':'y',"
                                + "'kubectl.kubernetes.io/last-applied-configuration':'{}\\n'}},'data':{'a':'3'}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patches")
    void appliesStrategicMergePatch(String name, String original, String patch, String expected) {
        ObjectNode before = obj(original);
        ObjectNode out = StrategicMergePatch.apply(before, json(patch), NODE);
        assertThat(out).isEqualTo(json(expected));
        assertThat(before).isEqualTo(obj(original));
    }

    @Test
    void keepsTheOrderOfItemsExactly() {
        ObjectNode out = StrategicMergePatch.apply(obj(NODE_CONDITIONS),
                json("{'status':{'conditions':[{'type':'MemoryPressure','status':'True'}]}}"), NODE);
        assertThat(out.at("/status/conditions/0/type").asText()).isEqualTo("Ready");
        assertThat(out.at("/status/conditions/1/status").asText()).isEqualTo("True");
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("[1]", 400, "error decoding patch: "),
                Arguments.of("{'spec':{'strategy':{'$retainKeys':'x'}}}", 400, "invalid patch format of retainKeys"),
                Arguments.of("{'spec':{'$retainKeys':['a'],'b':1}}", 400, "invalid patch format of retainKeys"),
                Arguments.of("{'spec':{'$setElementOrder':[1]}}", 400, "invalid patch format of setElementOrder list"),
                Arguments.of("{'spec':{'$setElementOrder/mergingList':{'name':1}}}", 400,
                        "invalid patch format of setElementOrder list"),
                Arguments.of("{'metadata':{'$deleteFromPrimitiveList':['a']}}", 400, "invalid patch format of primitive list"),
                Arguments.of("{'status':{'conditions':[{'status':'True'}]}}", 400,
                        "does not contain declared merge key: type"),
                Arguments.of("{'status':{'conditions':[{'type':'Ready','$patch':'frob'}]}}", 400, "unknown patch type: frob"),
                Arguments.of("{'spec':{'$patch':'frob'}}", 400, "unknown patch type: frob"),
                Arguments.of("{'spec':{'mergingIntList':[[1]]}}", 422,
                        "the server rejected our request due to an error in our request"),
                Arguments.of("{'spec':{'$setElementOrder/mergingList':[{'name':1}],'mergingList':[{'name':2}]}}", 400,
                        "doesn't match $setElementOrder list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatches")
    void rejectsMalformedPatchesAsUpstreamDoes(String patch, int code, String message) {
        ObjectNode original = obj("{'spec':{'mergingIntList':[1],'mergingList':[{'name':1}]},"
                + "'status':{'conditions':[{'type':'Ready'}]}}");
        assertThatThrownBy(() -> StrategicMergePatch.apply(original, json(patch), NODE))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
