package io.capj.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.apimachinery.Json;
import io.capj.core.CoreKinds;

/** Cluster API objects for the stories, valid for the webhooks, wired to the test providers. */
public final class Fixtures {
    public static final String VERSION = "v1.33.0";

    private Fixtures() {
    }

    /** A Cluster with a TestInfraCluster of the same name (and a TestControlPlane when asked). */
    public static void cluster(CorePlane plane, String namespace, String name, boolean withControlPlane) {
        plane.create(TestProviders.kind(TestProviders.INFRA_CLUSTER),
                provider(TestProviders.INFRA_CLUSTER, namespace, name));
        if (withControlPlane) {
            plane.create(TestProviders.kind(TestProviders.CONTROL_PLANE),
                    provider(TestProviders.CONTROL_PLANE, namespace, name));
        }
        ObjectNode cluster = object("Cluster", namespace, name);
        ObjectNode spec = cluster.putObject("spec");
        spec.set("infrastructureRef", ref(TestProviders.INFRA_GROUP, TestProviders.INFRA_CLUSTER, name));
        if (withControlPlane) {
            spec.set("controlPlaneRef", ref(TestProviders.CONTROL_PLANE_GROUP, TestProviders.CONTROL_PLANE, name));
        }
        plane.create(CoreKinds.CLUSTER, cluster);
    }

    /** Bootstrap and infrastructure machine templates named {@code name}. */
    public static void templates(CorePlane plane, String namespace, String name) {
        ObjectNode bootstrap = provider(TestProviders.BOOTSTRAP_CONFIG_TEMPLATE, namespace, name);
        bootstrap.putObject("spec").putObject("template").putObject("spec").put("format", "cloud-config");
        plane.create(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG_TEMPLATE), bootstrap);
        ObjectNode infra = provider(TestProviders.INFRA_MACHINE_TEMPLATE, namespace, name);
        infra.putObject("spec").putObject("template").putObject("spec").put("flavor", name);
        plane.create(TestProviders.kind(TestProviders.INFRA_MACHINE_TEMPLATE), infra);
    }

    /**
     * A MachineDeployment of {@code replicas} whose machines are built from the templates named
     * {@code template}, with the given rollout strategy type and deletion order.
     */
    public static ObjectNode machineDeployment(String namespace, String name, String cluster, int replicas,
            String template, String strategy, String deletionOrder) {
        ObjectNode md = object("MachineDeployment", namespace, name);
        ObjectNode spec = md.putObject("spec").put("clusterName", cluster).put("replicas", replicas);
        ObjectNode rollout = spec.putObject("rollout").putObject("strategy").put("type", strategy);
        if (strategy.equals("RollingUpdate")) {
            rollout.putObject("rollingUpdate").put("maxSurge", 1).put("maxUnavailable", 0);
        }
        spec.putObject("deletion").put("order", deletionOrder);
        spec.putObject("selector").putObject("matchLabels").put("story.capj.io/pool", name);
        ObjectNode templateNode = spec.putObject("template");
        templateNode.putObject("metadata").putObject("labels").put("story.capj.io/pool", name);
        ObjectNode machine = templateNode.putObject("spec").put("clusterName", cluster).put("version", VERSION);
        machine.putObject("bootstrap").set("configRef",
                ref(TestProviders.BOOTSTRAP_GROUP, TestProviders.BOOTSTRAP_CONFIG_TEMPLATE, template));
        machine.set("infrastructureRef",
                ref(TestProviders.INFRA_GROUP, TestProviders.INFRA_MACHINE_TEMPLATE, template));
        return md;
    }

    /** The JSON merge patch that points a MachineDeployment at other templates (a rollout). */
    public static String switchTemplates(String template) {
        return "{\"spec\":{\"template\":{\"spec\":{\"bootstrap\":{\"configRef\":{\"name\":\"" + template
                + "\"}},\"infrastructureRef\":{\"name\":\"" + template + "\"}}}}}";
    }

    public static ObjectNode object(String kind, String namespace, String name) {
        ObjectNode object = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }

    public static ObjectNode provider(String kind, String namespace, String name) {
        ObjectNode object = Json.object().put("apiVersion", TestProviders.apiVersion(kind)).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }

    public static ObjectNode ref(String group, String kind, String name) {
        return Json.object().put("apiGroup", group).put("kind", kind).put("name", name);
    }
}
