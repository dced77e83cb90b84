package io.capj.bootstrap.kubeadm;

import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.core.ClusterChanges;
import io.capj.core.MachineChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Cache;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the KubeadmConfig controller: KubeadmConfigs, plus the Machines they bootstrap (mapped by
 * {@code spec.bootstrap.configRef}) and the Clusters of those Machines, so a Machine's ownerReference or
 * nodeRef, and a Cluster's infrastructure or control plane becoming ready, wake the configs at once.
 */
public final class KubeadmConfigController {
    /** The controller's name, used for its queue and metrics. */
    public static final String NAME = "kubeadmconfig";
    /** Joins are independent (the init lock serialises inits), so several run at once. */
    public static final int DEFAULT_CONCURRENCY = 4;
    private static final String KIND = "KubeadmConfig";

    private KubeadmConfigController() {
    }

    public static void register(Manager manager, RemoteClusters remotes) {
        Cache cache = manager.cache();
        manager.add(ControllerBuilder.forKind(KubeadmBootstrapKinds.KUBEADM_CONFIG)
                .watches(CoreKinds.MACHINE, KubeadmConfigController::configOf, MachineChanges.thatConcernProviders())
                .watches(CoreKinds.CLUSTER, cluster -> configsOf(cache, cluster),
                        ClusterChanges.thatConcernDescendants())
                .named(NAME)
                .withConcurrency(DEFAULT_CONCURRENCY)
                .build(new KubeadmConfigReconciler(manager, remotes, BootstrapTokens.DEFAULT_TTL, Clock.systemUTC())));
    }

    private static List<Request> configOf(GenericKubernetesResource machine) {
        return configRef(machine).map(name -> new Request(machine.getMetadata().getNamespace(), name))
                .map(List::of).orElse(List.of());
    }

    private static List<Request> configsOf(Cache cache, HasMetadata cluster) {
        String namespace = cluster.getMetadata().getNamespace();
        return cache.list(CoreKinds.MACHINE, namespace,
                        Map.of(CoreLabels.ClusterNameLabel, cluster.getMetadata().getName())).stream()
                .flatMap(machine -> configRef(machine).stream())
                .map(name -> new Request(namespace, name))
                .toList();
    }

    private static Optional<String> configRef(GenericKubernetesResource machine) {
        return MachineView.of(Trees.of(machine)).spec().bootstrapConfigRef()
                .filter(ref -> KIND.equals(ref.kind()) && BootstrapGroup.NAME.equals(ref.apiGroup()))
                .map(ContractRef::name);
    }
}
