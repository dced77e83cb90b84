package io.capj.apimachinery.patch;

import static io.capj.apimachinery.patch.Trees.json;
import static io.capj.apimachinery.patch.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.patch.MergeSchema.ListType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergeSchemasTest {

    @Test
    void declaresPlacesByPathIncludingListItems() {
        MergeSchema schema = MergeSchemas.object()
                .mapList("spec.containers", "name")
                .mapList("spec.containers[].ports", "containerPort", "protocol")
                .atomicMap("spec.selector")
                .build();
        MergeSchema ports = schema.field("spec").field("containers").items().field("ports");
        assertThat(ports.listType()).isEqualTo(ListType.MAP);
        assertThat(ports.listMapKeys()).containsExactly("containerPort", "protocol");
        assertThat(schema.field("spec").field("selector").atomicMap()).isTrue();
        assertThat(schema.field("spec").field("other").listType()).isEqualTo(ListType.ATOMIC);
        assertThat(schema.field("spec").field("other").atomicMap()).isFalse();
    }

    @Test
    void addsObjectMetaRulesToAnyKindSchema() {
        MergeSchema schema = ObjectMetaMergeSchema.wrap(MergeSchema.DEDUCED);
        assertThat(schema.field("metadata").field("finalizers").listType()).isEqualTo(ListType.SET);
        assertThat(schema.field("metadata").field("ownerReferences").listMapKeys()).isEqualTo(List.of("uid"));
        assertThat(schema.field("metadata").field("managedFields").listType()).isEqualTo(ListType.ATOMIC);
        assertThat(schema.field("metadata").field("labels").atomicMap()).isFalse();
        assertThat(ObjectMetaMergeSchema.wrap(schema)).isSameAs(schema);
    }

    @Test
    void refusesDeclarationsBelowAtomicLists() {
        assertThatThrownBy(() -> MergeSchemas.builder().atomicList("a").set("a[].b").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a is an atomic list");
        assertThatThrownBy(() -> MergeSchemas.builder().mapList("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MergeSchemas.builder().set("a..b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishesSnapshots() {
        MergeSchemas.Builder builder = MergeSchemas.builder().set("a");
        MergeSchema first = builder.build();
        builder.mapList("a", "k");
        assertThat(first.field("a").listType()).isEqualTo(ListType.SET);
    }

    /** What kubectl sends to built-in kinds, against the schemas capj declares for them. */
    static Stream<Arguments> kubectlOnBuiltIns() {
        return Stream.of(
                Arguments.of("Node", "", "{'metadata':{'name':'n1'},'spec':{'podCIDRs':['10.0.0.0/24']}}",
                        "{'spec':{'unschedulable':true}}",
                        "{'metadata':{'name':'n1'},'spec':{'podCIDRs':['10.0.0.0/24'],'unschedulable':true}}"),
                Arguments.of("Node", "", "{'spec':{'taints':[{'key':'a','effect':'NoSchedule'}]}}",
                        "{'spec':{'taints':[{'key':'b','effect':'NoSchedule'}]}}",
                        "{'spec':{'taints':[{'key':'b','effect':'NoSchedule'}]}}"),
                Arguments.of("Namespace", "", "{'status':{'phase':'Active','conditions':[{'type':'A','status':'True'}]}}",
                        "{'status':{'conditions':[{'type':'B','status':'False'}]}}",
                        "{'status':{'phase':'Active','conditions':[{'type':'B','status':'False'},{'type':'A','status':'True'}]}}"),
                Arguments.of("ServiceAccount", "", "{'secrets':[{'name':'s1'}],'imagePullSecrets':[{'name':'p1'}]}",
                        "{'secrets':[{'name':'s2'}],'imagePullSecrets':[{'name':'p2'}]}",
                        "{'secrets':[{'name':'s2'},{'name':'s1'}],'imagePullSecrets':[{'name':'p2'}]}"),
                Arguments.of("Pod", "", "{'spec':{'containers':[{'name':'a','image':'x','env':[{'name':'E1','value':'1'}]},"
                                + "{'name':'b','image':'y'}]}}",
                        "{'spec':{'containers':[{'name':'a','image':'z','env':[{'name':'E2','value':'2'}]}]}}",
                        "{'spec':{'containers':[{'name':'a','image':'z','env':[{'name':'E2','value':'2'},"
                                + "{'name':'E1','value':'1'}]},{'name':'b','image':'y'}]}}"),
                Arguments.of("Lease", "coordination.k8s.io", "{'spec':{'holderIdentity':'a','renewTime':'t0'}}",
                        "{'spec':{'renewTime':'t1'}}", "{'spec':{'holderIdentity':'a','renewTime':'t1'}}"),
                Arguments.of("ConfigMap", "", "{'metadata':{'labels':{'a':'1'},'finalizers':['x/y']},'data':{'k':'v'}}",
                        "{'metadata':{'$deleteFromPrimitiveList/finalizers':['x/y'],'labels':{'b':'2'}},'data':{'k':null}}",
                        "{'metadata':{'labels':{'a':'1','b':'2'},'finalizers':[]},'data':{}}"));
    }

    @ParameterizedTest
    @MethodSource("kubectlOnBuiltIns")
    void coreSchemasMakeKubectlPatchesWork(String kind, String group, String original, String patch, String expected) {
        MergeSchema schema = CoreMergeSchemas.of(new GroupVersionKind(group, "v1", kind)).orElseThrow();
        assertThat(StrategicMergePatch.apply(obj(original), json(patch), schema)).isEqualTo(json(expected));
    }

    @Test
    void knowsOnlyTheBuiltInsItDeclares() {
        assertThat(CoreMergeSchemas.of(new GroupVersionKind("cluster.x-k8s.io", "v1beta2", "Cluster"))).isEmpty();
        assertThat(CoreMergeSchemas.of(new GroupVersionKind("events.k8s.io", "v1", "Event"))).isPresent();
    }
}
