package io.capj.infrastructure.dev.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.bootstrap.kubeadm.KubeadmBootstrapKinds;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Creates what a user applies for a Cluster on the in-memory provider with kubeadm bootstrap: the Cluster and
 * its DevCluster, control-plane Machines created directly (KubeadmConfig + DevMachine + Machine), and
 * MachineDeployments of workers (KubeadmConfigTemplate + DevMachineTemplate + MachineDeployment). Shared by
 * the user stories and the provisioning benchmark.
 */
public final class InMemoryClusters {
    private static final String INFRA_GROUP = "infrastructure.cluster.x-k8s.io";
    public static final ResourceKind<GenericKubernetesResource> KUBEADM_CONFIG_TEMPLATE = kind(BootstrapGroup.NAME,
            "KubeadmConfigTemplate", "kubeadmconfigtemplates");
    public static final ResourceKind<GenericKubernetesResource> DEV_MACHINE_TEMPLATE = kind(INFRA_GROUP,
            "DevMachineTemplate", "devmachinetemplates");
    public static final String VERSION = "v1.33.0";
    private static final String INFRA_API_VERSION = INFRA_GROUP + "/v1beta2";

    private final CorePlane plane;
    private final String namespace;

    public InMemoryClusters(CorePlane plane, String namespace) {
        this.plane = plane;
        this.namespace = namespace;
    }

    /** A Cluster (pods 192.168.0.0/16) on a DevCluster of the same name with {@code devClusterSpec}. */
    public void cluster(String name, ObjectNode devClusterSpec) {
        ObjectNode devCluster = object(INFRA_API_VERSION, "DevCluster", name);
        devCluster.set("spec", devClusterSpec.deepCopy());
        plane.create(DevKinds.DEV_CLUSTER, devCluster);
        ObjectNode cluster = object(CoreGroup.API_VERSION, "Cluster", name);
        ObjectNode spec = cluster.putObject("spec");
        spec.putObject("clusterNetwork").putObject("pods").putArray("cidrBlocks").add("192.168.0.0/16");
        spec.putObject("infrastructureRef").put("apiGroup", INFRA_GROUP).put("kind", "DevCluster").put("name", name);
        plane.create(CoreKinds.CLUSTER, cluster);
    }

    /** A control-plane Machine created directly, with its KubeadmConfig and DevMachine of the same name. */
    public void controlPlaneMachine(String cluster, String name, ObjectNode kubeadmSpec, ObjectNode devMachineSpec) {
        ObjectNode config = object(BootstrapGroup.API_VERSION, "KubeadmConfig", name);
        config.set("spec", kubeadmSpec.deepCopy());
        plane.create(KubeadmBootstrapKinds.KUBEADM_CONFIG, config);
        ObjectNode devMachine = object(INFRA_API_VERSION, "DevMachine", name);
        devMachine.set("spec", devMachineSpec.deepCopy());
        plane.create(DevKinds.DEV_MACHINE, devMachine);
        ObjectNode machine = object(CoreGroup.API_VERSION, "Machine", name);
        ObjectMeta.of(machine).putObject("labels").put(CoreLabels.MachineControlPlaneLabel, "");
        machine.set("spec", machineSpec(cluster, "KubeadmConfig", "DevMachine", name));
        plane.create(CoreKinds.MACHINE, machine);
    }

    /** A MachineDeployment of {@code replicas} workers with its two templates, all named {@code name}. */
    public void workers(String cluster, String name, int replicas, ObjectNode kubeadmSpec, ObjectNode devMachineSpec) {
        ObjectNode configTemplate = object(BootstrapGroup.API_VERSION, "KubeadmConfigTemplate", name);
        configTemplate.putObject("spec").putObject("template").set("spec", kubeadmSpec.deepCopy());
        plane.create(KUBEADM_CONFIG_TEMPLATE, configTemplate);
        ObjectNode machineTemplate = object(INFRA_API_VERSION, "DevMachineTemplate", name);
        machineTemplate.putObject("spec").putObject("template").set("spec", devMachineSpec.deepCopy());
        plane.create(DEV_MACHINE_TEMPLATE, machineTemplate);
        ObjectNode deployment = object(CoreGroup.API_VERSION, "MachineDeployment", name);
        ObjectNode spec = deployment.putObject("spec").put("clusterName", cluster).put("replicas", replicas);
        spec.putObject("template").set("spec", machineSpec(cluster, "KubeadmConfigTemplate", "DevMachineTemplate", name));
        plane.create(CoreKinds.MACHINE_DEPLOYMENT, deployment);
    }

    private static ObjectNode machineSpec(String cluster, String bootstrapKind, String infraKind, String name) {
        ObjectNode spec = Json.object().put("clusterName", cluster).put("version", VERSION);
        spec.putObject("bootstrap").putObject("configRef").put("apiGroup", BootstrapGroup.NAME)
                .put("kind", bootstrapKind).put("name", name);
        spec.putObject("infrastructureRef").put("apiGroup", INFRA_GROUP).put("kind", infraKind).put("name", name);
        return spec;
    }

    private ObjectNode object(String apiVersion, String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }

    private static ResourceKind<GenericKubernetesResource> kind(String group, String kind, String plural) {
        return ResourceKind.generic(group, "v1beta2", kind, plural, true);
    }
}
