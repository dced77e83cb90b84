package io.capj.controlplane.kubeadm.controller;

import io.capj.core.CoreKinds;
import io.capj.infrastructure.dev.etcd.EtcdMember;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches a control plane during a rollout: after every change of a Machine it records how many Machines exist
 * and are deleting, and reads the etcd membership of the workload cluster, keeping the extremes seen.
 */
final class RolloutWatcher implements AutoCloseable, ResourceEventHandler<GenericKubernetesResource> {
    private final SimulatedEtcd etcd;
    private final Map<String, Boolean> deletingByMachine = new ConcurrentHashMap<>();
    private final AtomicInteger observations = new AtomicInteger();
    private final AtomicInteger fewestEtcdMembers = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger mostLeaders = new AtomicInteger();
    private final AtomicInteger mostMachines = new AtomicInteger();
    private final AtomicInteger mostDeleting = new AtomicInteger();
    private SharedIndexInformer<GenericKubernetesResource> informer;

    private RolloutWatcher(SimulatedEtcd etcd) {
        this.etcd = etcd;
    }

    static RolloutWatcher start(KubernetesClient management, String namespace, SimulatedEtcd etcd) {
        RolloutWatcher watcher = new RolloutWatcher(etcd);
        watcher.informer = management.genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                .inNamespace(namespace).inform(watcher);
        return watcher;
    }

    @Override
    public void onAdd(GenericKubernetesResource machine) {
        observe(machine, false);
    }

    @Override
    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource machine) {
        observe(machine, false);
    }

    @Override
    public void onDelete(GenericKubernetesResource machine, boolean unknownFinalState) {
        observe(machine, true);
    }

    private synchronized void observe(GenericKubernetesResource machine, boolean gone) {
        if (gone) {
            deletingByMachine.remove(machine.getMetadata().getName());
        } else {
            deletingByMachine.put(machine.getMetadata().getName(), machine.getMetadata().getDeletionTimestamp() != null);
        }
        mostMachines.accumulateAndGet(deletingByMachine.size(), Math::max);
        int deleting = (int) deletingByMachine.values().stream().filter(Boolean::booleanValue).count();
        mostDeleting.accumulateAndGet(deleting, Math::max);
        List<EtcdMember> members = etcd.members();
        fewestEtcdMembers.accumulateAndGet(members.size(), Math::min);
        mostLeaders.accumulateAndGet((int) members.stream().filter(EtcdMember::leader).count(), Math::max);
        observations.incrementAndGet();
    }

    int observations() {
        return observations.get();
    }

    int fewestEtcdMembers() {
        return fewestEtcdMembers.get();
    }

    int mostLeaders() {
        return mostLeaders.get();
    }

    int mostMachines() {
        return mostMachines.get();
    }

    int mostDeleting() {
        return mostDeleting.get();
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
    }
}
