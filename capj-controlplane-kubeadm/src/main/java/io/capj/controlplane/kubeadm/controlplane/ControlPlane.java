package io.capj.controlplane.kubeadm.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one KCP pass observed (upstream's {@code pkg.ControlPlane} without clients): the KCP, its Cluster, its
 * Machines, and each Machine's {@link UpToDate} result computed once at {@code now}. Everything the scale,
 * rollout and remediation decisions read comes from here.
 */
public record ControlPlane(KubeadmControlPlaneView kcp, JsonNode cluster, ControlPlaneMachines machines,
                           Map<String, UpToDate.Result> upToDateResults, Instant now) {

    public static ControlPlane observe(JsonNode kcp, JsonNode cluster, ControlPlaneMachines machines, Instant now) {
        KubeadmControlPlaneView view = KubeadmControlPlaneView.of(kcp);
        Map<String, UpToDate.Result> results = new LinkedHashMap<>();
        for (ControlPlaneMachine m : machines) {
            results.put(m.name(), UpToDate.check(view, m, now));
        }
        return new ControlPlane(view, cluster, machines, Map.copyOf(results), now);
    }

    public boolean etcdManaged() {
        return !kcp.externalEtcd();
    }

    public Optional<UpToDate.Result> upToDateResult(String machineName) {
        return Optional.ofNullable(upToDateResults.get(machineName));
    }

    /** Machines with at least one UpToDate reason (deleting ones included, as upstream's MachinesNotUpToDate). */
    public ControlPlaneMachines notUpToDate() {
        return machines.filter(m -> !upToDateResults.get(m.name()).upToDate());
    }

    public ControlPlaneMachines upToDate() {
        return machines.without(notUpToDate());
    }

    /** Upstream {@code MachinesNeedingRollout}: not up to date and not already deleting. */
    public ControlPlaneMachines needingRollout() {
        return notUpToDate().notDeleting();
    }

    /** Names of the Cluster's {@code status.failureDomains} entries with {@code controlPlane: true}, in list order. */
    public List<String> controlPlaneFailureDomains() {
        List<String> names = new ArrayList<>();
        for (JsonNode fd : cluster.at("/status/failureDomains")) {
            if (fd.path("controlPlane").asBoolean(false)) {
                names.add(fd.path("name").asText());
            }
        }
        return names;
    }

    /** Upstream {@code NextFailureDomainForScaleUp}; empty when the Cluster has no control-plane failure domains. */
    public Optional<String> nextFailureDomainForScaleUp() {
        return FailureDomainChoice.forScaleUp(controlPlaneFailureDomains(), machines, upToDate().notDeleting());
    }
}
