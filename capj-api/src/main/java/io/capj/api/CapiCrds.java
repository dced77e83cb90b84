package io.capj.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmBootstrapCrds;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneCrds;
import io.capj.api.core.v1beta2.ClusterClassCrd;
import io.capj.api.core.v1beta2.ClusterCrd;
import io.capj.api.core.v1beta2.MachineCrd;
import io.capj.api.core.v1beta2.MachineDeploymentCrd;
import io.capj.api.core.v1beta2.MachineDrainRuleCrd;
import io.capj.api.core.v1beta2.MachineHealthCheckCrd;
import io.capj.api.core.v1beta2.MachinePoolCrd;
import io.capj.api.core.v1beta2.MachineSetCrd;
import io.capj.api.infrastructure.dev.v1beta2.DevInfrastructureCrds;
import java.util.ArrayList;
import java.util.List;

/**
 * The CustomResourceDefinitions capj installs at startup, as apiextensions.k8s.io/v1 JSON built from the
 * Java schemas in {@code io.capj.api.core.v1beta2}. Each call builds fresh objects, so callers may change
 * them (for example to add labels) without affecting anyone else.
 */
public final class CapiCrds {
    private CapiCrds() {
    }

    /**
     * Every kind of the core {@code cluster.x-k8s.io} group: Cluster, ClusterClass, Machine, MachineSet,
     * MachineDeployment, MachineHealthCheck, MachinePool and MachineDrainRule.
     */
    public static List<ObjectNode> core() {
        return List.of(ClusterCrd.definition(), MachineCrd.definition(), MachineSetCrd.definition(),
                MachineDeploymentCrd.definition(), MachineHealthCheckCrd.definition(),
                ClusterClassCrd.definition(), MachinePoolCrd.definition(), MachineDrainRuleCrd.definition());
    }

    /**
     * Every definition capj serves, in an order safe to create one by one: the core kinds, the kubeadm
     * bootstrap provider's (KubeadmConfig, KubeadmConfigTemplate), the kubeadm control plane provider's
     * (KubeadmControlPlane, KubeadmControlPlaneTemplate) and the Dev infrastructure provider's (DevCluster,
     * DevMachine and their templates).
     */
    public static List<ObjectNode> all() {
        List<ObjectNode> all = new ArrayList<>(core());
        all.addAll(KubeadmBootstrapCrds.all());
        all.addAll(KubeadmControlPlaneCrds.all());
        all.addAll(DevInfrastructureCrds.all());
        return List.copyOf(all);
    }
}
