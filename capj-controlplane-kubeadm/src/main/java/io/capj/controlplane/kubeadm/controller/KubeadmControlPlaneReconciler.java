package io.capj.controlplane.kubeadm.controller;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.bootstrap.kubeadm.KubeadmBootstrapKinds;
import io.capj.bootstrap.kubeadm.certs.CertificatePurpose;
import io.capj.bootstrap.kubeadm.certs.ClusterCertificates;
import io.capj.controlplane.kubeadm.KubeadmControlPlaneKinds;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.etcd.EtcdClusterClient;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import io.capj.controlplane.kubeadm.scale.ControlPlaneAction;
import io.capj.controlplane.kubeadm.scale.ControlPlaneOperation;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a KubeadmControlPlane (first step of upstream's KCP controller): finalizer, pause, wait for the
 * Cluster's infrastructure and endpoint, certificates and kubeconfig, then one Machine operation per pass as
 * {@link ControlPlaneOperation} decides (scale up, or scale down after moving etcd leadership away), the
 * kcp-cleanup pre-terminate hook of deleting Machines (etcd member removal), and status. On deletion it waits
 * for the Cluster's workers, deletes its Machines and then drops its finalizer. Not yet: rollout-specific
 * handling beyond what the decision returns, remediation, CoreDNS/kube-proxy, in-place Machine field sync,
 * KCP-level health aggregates.
 */
public final class KubeadmControlPlaneReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(KubeadmControlPlaneReconciler.class);
    static final Duration CACHE_WAIT = Duration.ofMillis(200);
    static final Duration WAIT = Duration.ofSeconds(5);

    private final Manager manager;
    private final RemoteClusters remotes;
    private final Function<KubernetesClient, EtcdClusterClient> etcdClients;
    private final ControlPlaneCredentials credentials;
    private final ControlPlaneMachineFactory factory;
    private final EtcdMembership etcdMembership;
    private final Clock clock = Clock.systemUTC();
    /** Machines this controller created (true) or deleted (false) that the cache may not show yet, per KCP. */
    private final Map<Request, Map<String, Boolean>> pending = new ConcurrentHashMap<>();

    public KubeadmControlPlaneReconciler(Manager manager, RemoteClusters remotes,
            Function<KubernetesClient, EtcdClusterClient> etcdClients) {
        this.manager = manager;
        this.remotes = remotes;
        this.etcdClients = etcdClients;
        this.credentials = new ControlPlaneCredentials(manager.client(), clock);
        this.etcdMembership = new EtcdMembership(manager.client());
        this.factory = new ControlPlaneMachineFactory(manager, new ExternalObjects(manager), RandomGenerator.getDefault());
    }

    @Override
    public Result reconcile(Request request) throws Exception {
        Optional<GenericKubernetesResource> cached = manager.cache().get(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE,
                request.namespace(), request.name());
        if (cached.isEmpty()) {
            pending.remove(request);
            return Result.done();
        }
        if (!cacheCaughtUp(request)) {
            return Result.requeueAfter(CACHE_WAIT);
        }
        ObjectNode kcp = Trees.of(cached.get());
        Optional<String> clusterName = clusterName(kcp);
        if (clusterName.isEmpty()) {
            LOG.debug("waiting for the Cluster to set its ownerReference KubeadmControlPlane={}", request);
            return Result.done();
        }
        Optional<ObjectNode> cluster = manager.cache().get(CoreKinds.CLUSTER, request.namespace(), clusterName.get())
                .map(Trees::of);
        if (cluster.isEmpty()) {
            return Result.requeueAfter(WAIT);
        }
        PatchHelper helper = PatchHelper.snapshot(manager.client(), KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, kcp);
        boolean deleting = kcp.at("/metadata/deletionTimestamp").isTextual();
        if (!deleting && !hasFinalizer(kcp)) {
            kcp.with("metadata").withArray("finalizers").add(KubeadmControlPlaneAnnotations.KubeadmControlPlaneFinalizer);
            helper.patch(kcp);
            return Result.done();
        }
        if (setPaused(kcp, cluster.get())) {
            helper.patch(kcp);
            return Result.done();
        }
        ControlPlaneMachines machines = ownedMachines(kcp, clusterName.get());
        if (deleting) {
            return reconcileDelete(request, kcp, cluster.get(), machines, helper);
        }
        Result result;
        try {
            result = reconcileNormal(request, kcp, cluster.get(), clusterName.get(), machines);
        } catch (Exception e) {
            try {
                helper.patch(kcp); // what the pass learned before failing
            } catch (RuntimeException patchFailure) {
                e.addSuppressed(patchFailure);
            }
            throw e;
        }
        helper.patch(kcp);
        return result;
    }

    private Result reconcileNormal(Request request, ObjectNode kcp, ObjectNode cluster, String clusterName,
            ControlPlaneMachines machines) throws Exception {
        ClusterView view = ClusterView.of(cluster);
        Optional<ClusterView.Endpoint> endpoint = view.spec().controlPlaneEndpoint().filter(ClusterView.Endpoint::isValid);
        if (!view.status().infrastructureProvisioned() || endpoint.isEmpty()) {
            LOG.debug("waiting for the Cluster infrastructure and endpoint KubeadmControlPlane={}", request);
            KubeadmControlPlaneStatus.update(kcp, ControlPlane.observe(kcp, cluster, machines, clock.instant()),
                    clusterName, false);
            return Result.done(); // the Cluster's change wakes the KCP
        }
        List<CertificatePurpose> missing = credentials.reconcileCertificates(request.namespace(), clusterName,
                KcpOwner.reference(kcp), validityDays(kcp));
        ConditionLists.set(kcp, KubeadmControlPlaneCertificatesAvailableCondition,
                missing.isEmpty() ? Conditions.TRUE : Conditions.FALSE,
                missing.isEmpty() ? KubeadmControlPlaneCertificatesAvailableReason
                        : KubeadmControlPlaneCertificatesNotAvailableReason,
                missing.isEmpty() ? "" : "Missing certificates: " + missing);
        credentials.reconcileKubeconfig(request.namespace(), clusterName, endpoint.get().hostPort(),
                KcpOwner.reference(kcp));

        Workload workload = inspectWorkload(request.namespace(), clusterName, machines);
        ControlPlane cp = ControlPlane.observe(kcp, cluster, machines, clock.instant());
        Result result = etcdMembership.reconcilePreTerminateHooks(request.namespace(), cp, workload, false);
        ControlPlaneAction action = ControlPlaneOperation.next(cp, workload.members());
        result = result.min(perform(request, kcp, clusterName, cp, action, workload));
        KubeadmControlPlaneStatus.update(kcp, cp, clusterName, workload.initialized());
        if (!cp.kcp().status().controlPlaneInitialized() && !machines.isEmpty()) {
            result = result.min(Result.requeueAfter(Duration.ofSeconds(1)));
        }
        return result;
    }

    private Result perform(Request request, ObjectNode kcp, String clusterName, ControlPlane cp,
            ControlPlaneAction action, Workload workload) {
        if (action instanceof ControlPlaneAction.ScaleUp up) {
            try {
                expect(request, factory.create(kcp, clusterName, up.failureDomain(), up.initialize()), true);
            } catch (RuntimeException e) {
                if (up.initialize()) {
                    manager.events().warning(kcp, "FailedInitialization", "Failed to create initial control plane "
                            + "Machine for cluster " + request.namespace() + "/" + clusterName + " control plane: " + e);
                } else {
                    manager.events().warning(kcp, "FailedScaleUp", "Failed to create additional control plane "
                            + "Machine for cluster " + request.namespace() + "/" + clusterName + ": " + e);
                }
                throw e;
            }
            return Result.requeueAfter(CACHE_WAIT);
        }
        if (action instanceof ControlPlaneAction.ScaleDown down) {
            String name = down.machine().name();
            try {
                etcdMembership.moveLeadershipAway(cp, down.machine(), workload);
                manager.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                        .inNamespace(request.namespace()).withName(name).delete();
            } catch (RuntimeException e) {
                manager.events().warning(kcp, "FailedScaleDown", "Failed to delete control plane Machine " + name
                        + " for cluster " + request.namespace() + "/" + clusterName + " control plane: " + e);
                throw e;
            }
            expect(request, name, false);
            LOG.info("deleted control plane Machine={}/{} KubeadmControlPlane={}", request.namespace(), name,
                    request.name());
            return Result.requeueAfter(CACHE_WAIT);
        }
        if (action instanceof ControlPlaneAction.Wait wait) {
            LOG.debug("waiting KubeadmControlPlane={} reasons={}", request, wait.messages());
            return Result.requeueAfter(wait.requeueAfter());
        }
        return Result.done();
    }

    private Result reconcileDelete(Request request, ObjectNode kcp, ObjectNode cluster, ControlPlaneMachines machines,
            PatchHelper helper) {
        String clusterName = cluster.at("/metadata/name").asText();
        long workers = manager.cache().list(CoreKinds.MACHINE, request.namespace(),
                        Map.of(CoreLabels.ClusterNameLabel, clusterName)).stream()
                .filter(m -> m.getMetadata().getLabels() == null
                        || !m.getMetadata().getLabels().containsKey(CoreLabels.MachineControlPlaneLabel))
                .count();
        if (workers > 0) {
            ConditionLists.set(kcp, KubeadmControlPlaneDeletingCondition, Conditions.TRUE,
                    KubeadmControlPlaneDeletingWaitingForWorkersDeletionReason, "Waiting for worker Machines to be deleted");
            helper.patch(kcp);
            return Result.requeueAfter(Duration.ofSeconds(1));
        }
        if (machines.isEmpty()) {
            ConditionLists.set(kcp, KubeadmControlPlaneDeletingCondition, Conditions.TRUE,
                    KubeadmControlPlaneDeletingDeletionCompletedReason, "");
            helper.patch(kcp);
            removeFinalizer(request);
            pending.remove(request);
            return Result.done();
        }
        for (var m : machines.notDeleting()) {
            manager.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                    .inNamespace(request.namespace()).withName(m.name()).delete();
        }
        ControlPlane cp = ControlPlane.observe(kcp, cluster, machines, clock.instant());
        etcdMembership.reconcilePreTerminateHooks(request.namespace(), cp, Workload.NONE, true);
        ConditionLists.set(kcp, KubeadmControlPlaneDeletingCondition, Conditions.TRUE,
                KubeadmControlPlaneDeletingWaitingForMachineDeletionReason, "Deleting " + machines.size() + " Machines");
        helper.patch(kcp);
        return Result.requeueAfter(Duration.ofSeconds(1));
    }

    private void removeFinalizer(Request request) {
        GenericKubernetesResource latest = manager.client()
                .genericKubernetesResources(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE.definitionContext())
                .inNamespace(request.namespace()).withName(request.name()).get();
        if (latest == null) {
            return;
        }
        ObjectNode tree = Trees.of(latest);
        PatchHelper helper = PatchHelper.snapshot(manager.client(), KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE, tree);
        var finalizers = tree.with("metadata").withArray("finalizers");
        for (int i = finalizers.size() - 1; i >= 0; i--) {
            if (KubeadmControlPlaneAnnotations.KubeadmControlPlaneFinalizer.equals(finalizers.get(i).asText())) {
                finalizers.remove(i);
            }
        }
        helper.patch(tree);
    }

    private Workload inspectWorkload(String namespace, String clusterName, ControlPlaneMachines machines) {
        if (machines.isEmpty()) {
            return Workload.NONE;
        }
        try {
            KubernetesClient workload = remotes.client(new Request(namespace, clusterName));
            boolean initialized = WorkloadHealth.initialized(workload);
            EtcdClusterClient etcd = etcdClients.apply(workload);
            List<EtcdMember> members = etcd.members();
            WorkloadHealth.updateMachineConditions(manager.client(), workload, machines, members);
            return new Workload(initialized, members, Optional.of(etcd));
        } catch (RuntimeException e) {
            LOG.debug("workload cluster not reachable yet Cluster={}/{}: {}", namespace, clusterName, e.toString());
            return Workload.NONE;
        }
    }

    private ControlPlaneMachines ownedMachines(ObjectNode kcp, String clusterName) {
        String namespace = kcp.at("/metadata/namespace").asText();
        List<ObjectNode> machines = manager.cache().list(CoreKinds.MACHINE, namespace,
                Map.of(CoreLabels.ClusterNameLabel, clusterName)).stream().map(Trees::of).toList();
        List<ObjectNode> configs = manager.cache().list(KubeadmBootstrapKinds.KUBEADM_CONFIG, namespace,
                Map.of(CoreLabels.ClusterNameLabel, clusterName)).stream().map(Trees::of).toList();
        return ControlPlaneMachines.owned(kcp.at("/metadata/uid").asText(), machines, configs, List.of());
    }

    private void expect(Request request, String machine, boolean created) {
        pending.computeIfAbsent(request, r -> new ConcurrentHashMap<>()).put(machine, created);
    }

    /** Whether the cache shows every Machine this controller created (present) or deleted (deleting or gone). */
    private boolean cacheCaughtUp(Request request) {
        Map<String, Boolean> expected = pending.get(request);
        if (expected == null) {
            return true;
        }
        expected.entrySet().removeIf(e -> {
            Optional<GenericKubernetesResource> m = manager.cache().get(CoreKinds.MACHINE, request.namespace(), e.getKey());
            return e.getValue() ? m.isPresent() : m.isEmpty() || m.get().getMetadata().getDeletionTimestamp() != null;
        });
        return expected.isEmpty();
    }

    private static Optional<String> clusterName(JsonNode kcp) {
        for (JsonNode ref : kcp.at("/metadata/ownerReferences")) {
            if ("Cluster".equals(ref.path("kind").asText())
                    && ref.path("apiVersion").asText().startsWith(CoreGroup.NAME + "/")) {
                return Optional.of(ref.path("name").asText());
            }
        }
        return Optional.empty();
    }

    private static boolean hasFinalizer(JsonNode kcp) {
        for (JsonNode f : kcp.at("/metadata/finalizers")) {
            if (KubeadmControlPlaneAnnotations.KubeadmControlPlaneFinalizer.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Sets the Paused condition; returns whether reconciliation is paused. */
    static boolean setPaused(ObjectNode kcp, JsonNode cluster) {
        List<String> reasons = new ArrayList<>();
        if (ClusterView.of(cluster).spec().paused()) {
            reasons.add("Cluster spec.paused is set to true");
        }
        if (kcp.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            reasons.add("KubeadmControlPlane has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        boolean paused = !reasons.isEmpty();
        ConditionLists.set(kcp, CommonConditions.PausedCondition, paused ? Conditions.TRUE : Conditions.FALSE,
                paused ? CommonConditions.PausedReason : CommonConditions.NotPausedReason, String.join("; ", reasons));
        return paused;
    }

    private static int validityDays(JsonNode kcp) {
        int days = kcp.at("/spec/kubeadmConfigSpec/clusterConfiguration/certificateValidityPeriodDays").asInt(0);
        int caDays = kcp.at("/spec/kubeadmConfigSpec/clusterConfiguration/caCertificateValidityPeriodDays").asInt(0);
        return caDays > 0 ? caDays : days > 0 ? Math.max(days, ClusterCertificates.DEFAULT_CA_VALIDITY_DAYS)
                : ClusterCertificates.DEFAULT_CA_VALIDITY_DAYS;
    }
}
