package io.capj.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.apimachinery.Json;

/** Minimal valid Cluster API objects for tests, as JSON trees the test then bends. */
final class SampleObjects {
    private SampleObjects() {
    }

    static String path(String namespace, String plural) {
        return "/apis/" + CoreGroup.API_VERSION + "/namespaces/" + namespace + "/" + plural;
    }

    static ObjectNode cluster(String name) {
        ObjectNode cluster = object("Cluster", name);
        ObjectNode spec = cluster.putObject("spec");
        ref(spec.putObject("infrastructureRef"), "infrastructure.cluster.x-k8s.io", "DevCluster", name);
        ref(spec.putObject("controlPlaneRef"), "controlplane.cluster.x-k8s.io", "KubeadmControlPlane", name);
        return cluster;
    }

    static ObjectNode machine(String name) {
        ObjectNode machine = object("Machine", name);
        machine.set("spec", machineSpec());
        return machine;
    }

    static ObjectNode machineSet(String name) {
        return replicated("MachineSet", name);
    }

    static ObjectNode machineDeployment(String name) {
        return replicated("MachineDeployment", name);
    }

    static ObjectNode machineHealthCheck(String name) {
        ObjectNode mhc = object("MachineHealthCheck", name);
        ObjectNode spec = mhc.putObject("spec").put("clusterName", "c1");
        spec.putObject("selector").putObject("matchLabels").put("pool", name);
        return mhc;
    }

    static ObjectNode machinePool(String name) {
        ObjectNode pool = object("MachinePool", name);
        ObjectNode spec = pool.putObject("spec").put("clusterName", "c1").put("replicas", 3);
        spec.putObject("template").set("spec", machineSpec());
        return pool;
    }

    static ObjectNode machineDrainRule(String name) {
        ObjectNode rule = object("MachineDrainRule", name);
        rule.putObject("spec").putObject("drain").put("behavior", "Skip").put("order", 5);
        return rule;
    }

    static ObjectNode clusterClass(String name) {
        ObjectNode cc = object("ClusterClass", name);
        ObjectNode spec = cc.putObject("spec");
        template(spec.putObject("infrastructure"), "infrastructure.cluster.x-k8s.io/v1beta2", "DevClusterTemplate");
        template(spec.putObject("controlPlane"), "controlplane.cluster.x-k8s.io/v1beta2",
                "KubeadmControlPlaneTemplate");
        return cc;
    }

    private static void template(ObjectNode owner, String apiVersion, String kind) {
        owner.putObject("templateRef").put("apiVersion", apiVersion).put("kind", kind).put("name", "t");
    }

    private static ObjectNode replicated(String kind, String name) {
        ObjectNode object = object(kind, name);
        ObjectNode spec = object.putObject("spec").put("clusterName", "c1").put("replicas", 3);
        spec.putObject("selector").putObject("matchLabels").put("pool", name);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("pool", name);
        template.set("spec", machineSpec());
        return object;
    }

    private static ObjectNode machineSpec() {
        ObjectNode spec = Json.object().put("clusterName", "c1").put("version", "v1.33.0");
        ref(spec.putObject("bootstrap").putObject("configRef"), "bootstrap.cluster.x-k8s.io", "KubeadmConfig", "b");
        ref(spec.putObject("infrastructureRef"), "infrastructure.cluster.x-k8s.io", "DevMachine", "i");
        return spec;
    }

    private static ObjectNode object(String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", kind);
        object.putObject("metadata").put("name", name);
        return object;
    }

    private static void ref(ObjectNode ref, String group, String kind, String name) {
        ref.put("apiGroup", group).put("kind", kind).put("name", name);
    }
}
