package io.capj.controlplane.kubeadm.controller;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import io.capj.core.CoreKinds;
import io.capj.runtime.Conditions;
import io.capj.runtime.PatchHelper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simplified upstream {@code UpdateStaticPodConditions} / {@code UpdateEtcdConditions}: for each control-plane
 * Machine with a Node, the static pods {@code <component>-<node>} in kube-system give APIServerPodHealthy,
 * ControllerManagerPodHealthy, SchedulerPodHealthy and EtcdPodHealthy (Running and Ready: True; present but not
 * ready: Unknown/Provisioning; missing: False/DoesNotExist), and the etcd member list gives EtcdMemberHealthy.
 * Changed conditions are patched onto the Machines. Not yet: pod phase details, etcd alarms per member message,
 * the KCP-level ControlPlaneComponentsHealthy/EtcdClusterHealthy aggregates.
 */
final class WorkloadHealth {
    static final String NAMESPACE = "kube-system";
    private static final Map<String, String> POD_CONDITIONS = new LinkedHashMap<>();

    static {
        POD_CONDITIONS.put("kube-apiserver", KubeadmControlPlaneMachineAPIServerPodHealthyCondition);
        POD_CONDITIONS.put("kube-controller-manager", KubeadmControlPlaneMachineControllerManagerPodHealthyCondition);
        POD_CONDITIONS.put("kube-scheduler", KubeadmControlPlaneMachineSchedulerPodHealthyCondition);
        POD_CONDITIONS.put("etcd", KubeadmControlPlaneMachineEtcdPodHealthyCondition);
    }

    private WorkloadHealth() {
    }

    /** Whether kubeadm init has completed: the {@code kubeadm-config} ConfigMap exists in kube-system. */
    static boolean initialized(KubernetesClient workload) {
        return workload.configMaps().inNamespace(NAMESPACE).withName("kubeadm-config").get() != null;
    }

    /** Computes and patches the health conditions of the Machines that have a Node. */
    static void updateMachineConditions(KubernetesClient management, KubernetesClient workload,
            ControlPlaneMachines machines, List<EtcdMember> members) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Pod pod : workload.pods().inNamespace(NAMESPACE).list().getItems()) {
            pods.put(pod.getMetadata().getName(), pod);
        }
        for (ControlPlaneMachine m : machines) {
            if (m.nodeName().isEmpty() || m.deleting()) {
                continue;
            }
            String node = m.nodeName().get();
            ObjectNode machine = m.machine().deepCopy();
            PatchHelper helper = PatchHelper.snapshot(management, CoreKinds.MACHINE, machine);
            boolean changed = false;
            for (Map.Entry<String, String> e : POD_CONDITIONS.entrySet()) {
                Pod pod = pods.get(e.getKey() + "-" + node);
                changed |= podCondition(machine, e.getValue(), Optional.ofNullable(pod));
            }
            Optional<EtcdMember> member = members.stream().filter(x -> x.name().equals(node)).findFirst();
            if (member.isPresent() && !member.get().alarmed()) {
                changed |= ConditionLists.set(machine, KubeadmControlPlaneMachineEtcdMemberHealthyCondition,
                        Conditions.TRUE, KubeadmControlPlaneMachineEtcdMemberHealthyReason, "");
            } else {
                changed |= ConditionLists.set(machine, KubeadmControlPlaneMachineEtcdMemberHealthyCondition,
                        Conditions.FALSE, KubeadmControlPlaneMachineEtcdMemberNotHealthyReason, member.isPresent()
                                ? "Etcd member has alarms" : "Etcd doesn't have an etcd member for Node " + node);
            }
            if (changed) {
                helper.patch(machine);
            }
        }
    }

    private static boolean podCondition(ObjectNode machine, String type, Optional<Pod> pod) {
        if (pod.isEmpty()) {
            return ConditionLists.set(machine, type, Conditions.FALSE, KubeadmControlPlaneMachinePodDoesNotExistReason,
                    "Pod does not exist");
        }
        boolean ready = pod.get().getStatus() != null && "Running".equals(pod.get().getStatus().getPhase())
                && pod.get().getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return ready
                ? ConditionLists.set(machine, type, Conditions.TRUE, KubeadmControlPlaneMachinePodRunningReason, "")
                : ConditionLists.set(machine, type, Conditions.UNKNOWN, KubeadmControlPlaneMachinePodProvisioningReason,
                        "Pod is provisioning");
    }
}
