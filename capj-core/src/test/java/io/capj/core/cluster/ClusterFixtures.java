package io.capj.core.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.testing.TestProviders;
import java.util.Locale;

/** Valid test objects for Cluster controller tests: Clusters, provider objects and the worker kinds. */
final class ClusterFixtures {
    static final String HOLD_FINALIZER = "test.capj.io/hold";

    private ClusterFixtures() {
    }

    /** A Cluster referencing the TestInfraCluster and TestControlPlane of the same name. */
    static ObjectNode cluster(String namespace, String name) {
        ObjectNode cluster = object(CoreGroup.API_VERSION, "Cluster", namespace, name);
        ObjectNode spec = cluster.putObject("spec");
        spec.set("infrastructureRef", ref(TestProviders.INFRA_CLUSTER, name));
        spec.set("controlPlaneRef", ref(TestProviders.CONTROL_PLANE, name));
        return cluster;
    }

    /** An empty test provider object of {@code kind}. */
    static ObjectNode provider(String kind, String namespace, String name) {
        ObjectNode object = object(TestProviders.apiVersion(kind), kind, namespace, name);
        object.putObject("spec");
        return object;
    }

    /** A stand-alone worker Machine of Cluster {@code cluster}, with preset bootstrap data. */
    static ObjectNode machine(String namespace, String name, ObjectNode cluster) {
        ObjectNode machine = object(CoreGroup.API_VERSION, "Machine", namespace, name);
        machine.set("spec", machineSpec(ObjectMeta.name(cluster), name));
        return ownedBy(machine, cluster);
    }

    /** A stand-alone MachineSet of Cluster {@code cluster} with no replicas. */
    static ObjectNode machineSet(String namespace, String name, ObjectNode cluster) {
        return ownedBy(replicated("MachineSet", namespace, name, cluster), cluster);
    }

    /** A MachineDeployment of Cluster {@code cluster} with no replicas. */
    static ObjectNode machineDeployment(String namespace, String name, ObjectNode cluster) {
        return ownedBy(replicated("MachineDeployment", namespace, name, cluster), cluster);
    }

    /** Adds the test finalizer that keeps the object until the test removes it. */
    static ObjectNode held(ObjectNode object) {
        ObjectMeta.of(object).putArray("finalizers").add(HOLD_FINALIZER);
        return object;
    }

    private static ObjectNode replicated(String kind, String namespace, String name, ObjectNode cluster) {
        String clusterName = ObjectMeta.name(cluster);
        ObjectNode object = object(CoreGroup.API_VERSION, kind, namespace, name);
        ObjectNode spec = object.putObject("spec").put("clusterName", clusterName).put("replicas", 0);
        String selectorLabel = "test.capj.io/" + kind.toLowerCase(Locale.ROOT);
        spec.putObject("selector").putObject("matchLabels").put(selectorLabel, name);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put(selectorLabel, name);
        template.set("spec", machineSpec(clusterName, name));
        return object;
    }

    private static ObjectNode machineSpec(String clusterName, String infraName) {
        ObjectNode spec = Json.object().put("clusterName", clusterName);
        spec.putObject("bootstrap").put("dataSecretName", infraName + "-bootstrap");
        spec.set("infrastructureRef", ref(TestProviders.INFRA_MACHINE, infraName));
        return spec;
    }

    private static ObjectNode ownedBy(ObjectNode object, ObjectNode cluster) {
        ArrayNode refs = ObjectMeta.of(object).putArray("ownerReferences");
        refs.addObject().put("apiVersion", CoreGroup.API_VERSION).put("kind", "Cluster")
                .put("name", ObjectMeta.name(cluster)).put("uid", ObjectMeta.uid(cluster));
        return object;
    }

    private static ObjectNode ref(String kind, String name) {
        return Json.object().put("apiGroup", TestProviders.kind(kind).group()).put("kind", kind).put("name", name);
    }

    private static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }
}
