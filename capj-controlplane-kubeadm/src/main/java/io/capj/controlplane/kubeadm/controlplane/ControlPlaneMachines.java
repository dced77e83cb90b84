package io.capj.controlplane.kubeadm.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable set of control-plane Machines (upstream's {@code collections.Machines} as KCP uses it), kept in
 * name order so every choice made from it is deterministic. Filters return new sets; {@link #oldest()} and
 * {@link #newest()} order by creation time with the name as tie-breaker, as upstream does.
 */
public final class ControlPlaneMachines implements Iterable<ControlPlaneMachine> {

    private static final Comparator<ControlPlaneMachine> BY_AGE =
            Comparator.comparing(ControlPlaneMachine::creationTimestamp).thenComparing(ControlPlaneMachine::name);

    private final Map<String, ControlPlaneMachine> byName;

    private ControlPlaneMachines(Map<String, ControlPlaneMachine> byName) {
        this.byName = byName;
    }

    public static ControlPlaneMachines of(Collection<ControlPlaneMachine> machines) {
        Map<String, ControlPlaneMachine> sorted = new TreeMap<>();
        for (ControlPlaneMachine m : machines) {
            sorted.put(m.name(), m);
        }
        return new ControlPlaneMachines(sorted);
    }

    public static ControlPlaneMachines of(ControlPlaneMachine... machines) {
        return of(List.of(machines));
    }

    /**
     * The snapshot KCP works on: among {@code machines} those controlled by the KCP with {@code kcpUid}
     * (upstream {@code OwnedMachines}), each joined with its KubeadmConfig (by {@code spec.bootstrap.configRef.name})
     * and InfraMachine (by {@code spec.infrastructureRef.name}) from the given lists when present.
     */
    public static ControlPlaneMachines owned(String kcpUid, Collection<? extends JsonNode> machines,
            Collection<? extends JsonNode> kubeadmConfigs, Collection<? extends JsonNode> infraMachines) {
        Map<String, JsonNode> configs = byName(kubeadmConfigs);
        Map<String, JsonNode> infras = byName(infraMachines);
        List<ControlPlaneMachine> owned = new ArrayList<>();
        for (JsonNode machine : machines) {
            ControlPlaneMachine bare = ControlPlaneMachine.of(machine);
            if (!bare.controlledBy(kcpUid)) {
                continue;
            }
            Optional<JsonNode> config = bare.bootstrapConfigName().map(configs::get);
            Optional<JsonNode> infra = Optional.ofNullable(infras.get(machine.at("/spec/infrastructureRef/name").asText()));
            owned.add(new ControlPlaneMachine(machine, config, infra));
        }
        return of(owned);
    }

    private static Map<String, JsonNode> byName(Collection<? extends JsonNode> objects) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            map.put(o.at("/metadata/name").asText(), o);
        }
        return map;
    }

    public ControlPlaneMachines filter(Predicate<ControlPlaneMachine> predicate) {
        return of(byName.values().stream().filter(predicate).toList());
    }

    public int size() {
        return byName.size();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Optional<ControlPlaneMachine> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<ControlPlaneMachine> list() {
        return List.copyOf(byName.values());
    }

    /** The Machines of this set that are not in {@code other} (by name). */
    public ControlPlaneMachines without(ControlPlaneMachines other) {
        return filter(m -> !other.contains(m.name()));
    }

    /** Oldest by creation time, then name. */
    public Optional<ControlPlaneMachine> oldest() {
        return byName.values().stream().min(BY_AGE);
    }

    /** Newest by creation time, then name. */
    public Optional<ControlPlaneMachine> newest() {
        return byName.values().stream().max(BY_AGE);
    }

    public ControlPlaneMachines deleting() {
        return filter(ControlPlaneMachine::deleting);
    }

    public ControlPlaneMachines notDeleting() {
        return filter(m -> !m.deleting());
    }

    public ControlPlaneMachines withDeleteAnnotation() {
        return filter(ControlPlaneMachine::hasDeleteAnnotation);
    }

    /** Upstream {@code UnhealthyMachinesWithUnhealthyControlPlaneComponents}. */
    public ControlPlaneMachines withUnhealthyControlPlaneComponents(boolean etcdManaged) {
        return filter(m -> m.hasUnhealthyControlPlaneComponents(etcdManaged));
    }

    /** Upstream {@code HealthyMachines}: not marked unhealthy by a MachineHealthCheck. */
    public ControlPlaneMachines healthy() {
        return filter(m -> !m.unhealthy());
    }

    /** Upstream {@code MachinesToBeRemediatedByKCP}. */
    public ControlPlaneMachines toBeRemediatedByKcp() {
        return filter(ControlPlaneMachine::toBeRemediatedByKcp);
    }

    public ControlPlaneMachines withoutNode() {
        return filter(m -> !m.hasNode());
    }

    /** Upstream {@code HasHealthyMachineStillProvisioning}: a healthy Machine without a nodeRef. */
    public boolean hasHealthyMachineStillProvisioning() {
        return !healthy().withoutNode().isEmpty();
    }

    /** Machines whose {@code spec.failureDomain} is one of {@code failureDomains} ("" matches unset). */
    public ControlPlaneMachines inFailureDomains(Set<String> failureDomains) {
        return filter(m -> failureDomains.contains(m.failureDomain()));
    }

    /** The Machines grouped by {@code spec.failureDomain} ("" for unset), keys in name order. */
    public Map<String, ControlPlaneMachines> byFailureDomain() {
        return byName.values().stream().collect(Collectors.groupingBy(ControlPlaneMachine::failureDomain,
                TreeMap::new, Collectors.collectingAndThen(Collectors.toList(), ControlPlaneMachines::of)));
    }

    @Override
    public Iterator<ControlPlaneMachine> iterator() {
        return byName.values().iterator();
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
