package io.capj.infrastructure.dev.machine;

import static io.capj.infrastructure.dev.DevConditions.APIServerProvisionedCondition;
import static io.capj.infrastructure.dev.DevConditions.EtcdProvisionedCondition;
import static io.capj.infrastructure.dev.DevConditions.NodeProvisionedCondition;
import static io.capj.infrastructure.dev.DevConditions.VMProvisionedCondition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.infrastructure.dev.DevAnnotations;
import io.capj.infrastructure.dev.DevConditions;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.capj.infrastructure.dev.workload.WorkloadServer;
import io.capj.runtime.Conditions;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioning steps of an in-memory machine, in order: VM, Node, and on control plane Machines the etcd
 * member and then the other control plane components. A step starts when the previous one is provisioned (the
 * VM when the Cluster's infrastructure and the bootstrap data are ready), and completes after its
 * {@link StartupDelay}; start times come from the previous step's condition transition time (the VM's from the
 * {@link DevAnnotations#VM_STARTED_AT} annotation), so progress survives a restart. A provisioned step never
 * waits again: its workload objects are simply re-created when missing (a restarted memory store).
 */
final class MachineProvisioning {
    /** How soon to look again for the {@code <cluster>-ca} Secret. */
    static final Duration CERTIFICATES_RETRY = Duration.ofSeconds(2);

    /** The steps in order, and the condition that reports each. */
    private static final List<String> STEPS = List.of("vm", "node", "etcd", "apiServer");
    private static final List<String> STEP_CONDITIONS = List.of(VMProvisionedCondition, NodeProvisionedCondition,
            EtcdProvisionedCondition, APIServerProvisionedCondition);

    private final WorkloadAccess access;

    MachineProvisioning(WorkloadAccess access) {
        this.access = access;
    }

    Result reconcile(DevMachineScope s) {
        if (!prerequisitesMet(s)) {
            return Result.done();
        }
        Result vm = reconcileVm(s);
        if (!s.isTrue(VMProvisionedCondition)) {
            waitingForVm(s);
            return vm;
        }
        applyProvisioned(s);
        if (s.hasAnnotation(DevAnnotations.NO_NODE)) {
            return reconcileNoNode(s);
        }
        Optional<Result> nodeWait = waitForStart(s, NodeProvisionedCondition, "node");
        if (nodeWait.isPresent()) {
            waitingFor(s, DevConditions.WaitingForNodeProvisionedReason, EtcdProvisionedCondition,
                    APIServerProvisionedCondition);
            return nodeWait.get();
        }
        Optional<WorkloadServer> server = access.ensure(s);
        if (server.isEmpty()) {
            if (!s.isTrue(NodeProvisionedCondition)) {
                s.set(NodeProvisionedCondition, Conditions.FALSE, DevConditions.WaitingForClusterCertificatesReason,
                        "Waiting for Secret " + s.clusterName() + "-ca with the cluster CA");
            }
            return Result.requeueAfter(CERTIFICATES_RETRY);
        }
        WorkloadObjects objects = new WorkloadObjects(server.get().client());
        reconcileNode(s, objects);
        if (!s.controlPlane()) {
            return Result.done();
        }
        return reconcileControlPlane(s, server.get(), objects);
    }

    private boolean prerequisitesMet(DevMachineScope s) {
        String reason = null;
        if (!ClusterView.of(s.cluster).status().infrastructureProvisioned()) {
            reason = DevConditions.WaitingForClusterInfrastructureReason;
        } else if (MachineView.of(s.machine).spec().dataSecretName().isEmpty()) {
            reason = !s.controlPlane() && !ClusterView.of(s.cluster).status().controlPlaneInitialized()
                    ? DevConditions.WaitingForControlPlaneInitializedReason : DevConditions.WaitingForBootstrapDataReason;
        }
        if (reason == null) {
            return true;
        }
        if (!s.isTrue(VMProvisionedCondition)) {
            s.set(VMProvisionedCondition, Conditions.FALSE, reason, "");
            waitingForVm(s);
        }
        return false;
    }

    private Result reconcileVm(DevMachineScope s) {
        if (s.isTrue(VMProvisionedCondition)) {
            return Result.done();
        }
        if (s.hasAnnotation(DevAnnotations.FAIL_PROVISIONING)) {
            s.set(VMProvisionedCondition, Conditions.FALSE, DevConditions.NotProvisionedReason,
                    "VM provisioning failed (injected by the " + DevAnnotations.FAIL_PROVISIONING + " annotation)");
            return Result.done();
        }
        Instant started = vmStart(s);
        Instant deadline = started.plus(StartupDelay.of(s.inMemory(), "vm", s.uid()));
        if (s.now.isBefore(deadline)) {
            s.set(VMProvisionedCondition, Conditions.FALSE, DevConditions.WaitingForStartupTimeoutReason, "");
            return Result.requeueAfter(Duration.between(s.now, deadline));
        }
        s.set(VMProvisionedCondition, Conditions.TRUE, DevConditions.ProvisionedReason, "");
        return Result.done();
    }

    /** When the VM step started: recorded on the first pass that got past the prerequisites. */
    private static Instant vmStart(DevMachineScope s) {
        Optional<String> recorded = s.annotation(DevAnnotations.VM_STARTED_AT);
        if (recorded.isPresent()) {
            try {
                return Instant.parse(recorded.get());
            } catch (DateTimeParseException e) {
                // rewritten below: a corrupt mark restarts the step rather than blocking it forever
            }
        }
        s.devMachine.withObject("metadata").withObject("annotations").put(DevAnnotations.VM_STARTED_AT,
                s.now.toString());
        return s.now;
    }

    /** The contract fields of a provisioned machine: provider ID, addresses, failure domain, provisioned. */
    private static void applyProvisioned(DevMachineScope s) {
        s.devMachine.withObject("spec").put("providerID", s.providerID());
        ObjectNode status = s.status();
        status.withObject("initialization").put("provisioned", true);
        ArrayNode addresses = status.putArray("addresses");
        for (NodeAddress address : addresses(s)) {
            addresses.addObject().put("type", address.getType()).put("address", address.getAddress());
        }
        MachineView.of(s.machine).spec().failureDomain().ifPresent(fd -> status.put("failureDomain", fd));
    }

    private Result reconcileNoNode(DevMachineScope s) {
        access.running(s.clusterKey()).ifPresent(server -> new WorkloadObjects(server.client()).deleteNode(s.nodeName()));
        s.set(NodeProvisionedCondition, Conditions.FALSE, DevConditions.NotProvisionedReason,
                "The machine never registers a Node (injected by the " + DevAnnotations.NO_NODE + " annotation)");
        waitingFor(s, DevConditions.WaitingForNodeProvisionedReason, EtcdProvisionedCondition,
                APIServerProvisionedCondition);
        return Result.done();
    }

    private static void reconcileNode(DevMachineScope s, WorkloadObjects objects) {
        if (s.hasAnnotation(DevAnnotations.NODE_GONE)) {
            objects.deleteNode(s.nodeName());
        } else {
            String version = MachineView.of(s.machine).spec().version().orElse("");
            objects.ensureNode(new WorkloadObjects.NodeShape(s.nodeName(), s.providerID(), version, s.controlPlane(),
                    addresses(s), !s.hasAnnotation(DevAnnotations.NODE_NOT_READY)));
        }
        s.set(NodeProvisionedCondition, Conditions.TRUE, DevConditions.ProvisionedReason, "");
    }

    private Result reconcileControlPlane(DevMachineScope s, WorkloadServer server, WorkloadObjects objects) {
        Optional<Result> etcdWait = waitForStart(s, EtcdProvisionedCondition, "etcd");
        if (etcdWait.isPresent()) {
            waitingFor(s, DevConditions.WaitingForEtcdProvisionedReason, APIServerProvisionedCondition);
            return etcdWait.get();
        }
        String version = MachineView.of(s.machine).spec().version().orElse("");
        if (!objects.hasStaticPod(ControlPlaneComponent.ETCD, s.nodeName())) {
            Map<String, String> membership = new SimulatedEtcd(server.client())
                    .joiningAnnotations(unsignedHash(s.cluster.at("/metadata/uid").asText()), unsignedHash(s.uid()));
            objects.createStaticPod(ControlPlaneComponent.ETCD, s.nodeName(), version, membership);
        }
        s.set(EtcdProvisionedCondition, Conditions.TRUE, DevConditions.ProvisionedReason, "");
        Optional<Result> apiServerWait = waitForStart(s, APIServerProvisionedCondition, "apiServer");
        if (apiServerWait.isPresent()) {
            return apiServerWait.get();
        }
        objects.ensureStaticPod(ControlPlaneComponent.KUBE_APISERVER, s.nodeName(), version);
        objects.ensureStaticPod(ControlPlaneComponent.KUBE_SCHEDULER, s.nodeName(), version);
        objects.ensureStaticPod(ControlPlaneComponent.KUBE_CONTROLLER_MANAGER, s.nodeName(), version);
        objects.ensureKubeadmConfig(KubeadmClusterConfiguration.render(s.cluster, version));
        s.set(APIServerProvisionedCondition, Conditions.TRUE, DevConditions.ProvisionedReason, "");
        return Result.done();
    }

    /**
     * Empty when step {@code type} may run now (already provisioned, or its startup delay since the step started
     * has passed); otherwise marks it waiting and returns when to come back.
     */
    private static Optional<Result> waitForStart(DevMachineScope s, String type, String step) {
        if (s.isTrue(type)) {
            return Optional.empty();
        }
        Instant deadline = stepStart(s, step).plus(StartupDelay.of(s.inMemory(), step, s.uid()));
        if (!s.now.isBefore(deadline)) {
            return Optional.empty();
        }
        s.set(type, Conditions.FALSE, DevConditions.WaitingForStartupTimeoutReason, "");
        return Optional.of(Result.requeueAfter(Duration.between(s.now, deadline)));
    }

    /**
     * When {@code step} started: the VM at its recorded mark, each later step when the previous one became
     * provisioned. Condition transition times are kept to the second, so a step never counts as started before
     * the previous step's deadline: that keeps the simulated timeline exact to the millisecond.
     */
    private static Instant stepStart(DevMachineScope s, String step) {
        int index = STEPS.indexOf(step);
        if (index == 0) {
            return s.annotation(DevAnnotations.VM_STARTED_AT).flatMap(MachineProvisioning::parseInstant)
                    .or(() -> s.transitionTime(VMProvisionedCondition)).orElse(s.now);
        }
        String previous = STEPS.get(index - 1);
        Instant previousDeadline = stepStart(s, previous).plus(StartupDelay.of(s.inMemory(), previous, s.uid()));
        Instant transition = s.transitionTime(STEP_CONDITIONS.get(index - 1)).orElse(s.now);
        return transition.isBefore(previousDeadline) ? previousDeadline : transition;
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void waitingForVm(DevMachineScope s) {
        waitingFor(s, DevConditions.WaitingForVMProvisionedReason, NodeProvisionedCondition, EtcdProvisionedCondition,
                APIServerProvisionedCondition);
    }

    /** Marks the not-yet-provisioned {@code types} as waiting with {@code reason} (control plane steps only on CP). */
    private static void waitingFor(DevMachineScope s, String reason, String... types) {
        for (String type : types) {
            boolean controlPlaneStep = type.equals(EtcdProvisionedCondition) || type.equals(APIServerProvisionedCondition);
            if ((!controlPlaneStep || s.controlPlane()) && !s.isTrue(type)) {
                s.set(type, Conditions.FALSE, reason, "");
            }
        }
    }

    /** An internal IP in 10.0.0.0/8 and the hostname, stable per machine. */
    static List<NodeAddress> addresses(DevMachineScope s) {
        long h = unsignedHash(s.uid());
        String ip = "10." + ((h >> 16) & 0xff) + "." + ((h >> 8) & 0xff) + "." + Math.max(1, h & 0xff);
        return List.of(new NodeAddress(ip, "InternalIP"), new NodeAddress(s.nodeName(), "Hostname"));
    }

    /** A non-zero unsigned 32-bit number derived from {@code text}, for stable etcd IDs. */
    static long unsignedHash(String text) {
        long h = Integer.toUnsignedLong(text.hashCode());
        return h == 0 ? 1 : h;
    }
}
