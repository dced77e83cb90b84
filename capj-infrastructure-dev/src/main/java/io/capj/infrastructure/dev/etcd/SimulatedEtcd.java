package io.capj.infrastructure.dev.etcd;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The etcd of a simulated workload cluster, operated through that cluster's API on the etcd pods' annotations
 * ({@link EtcdAnnotations}): the same answers a control plane provider gets from a real etcd's Cluster and
 * Maintenance APIs (member list, member remove, move leader, status, alarms). Every call re-reads the pods, so
 * instances are cheap and hold no state.
 */
public final class SimulatedEtcd {
    private final KubernetesClient workload;
    private final Clock clock;

    /** The etcd of the workload cluster {@code workload} is a client of. */
    public SimulatedEtcd(KubernetesClient workload) {
        this(workload, Clock.systemUTC());
    }

    SimulatedEtcd(KubernetesClient workload, Clock clock) {
        this.workload = workload;
        this.clock = clock;
    }

    /** The members not removed, ordered by name; exactly one is the leader once any member exists. */
    public List<EtcdMember> members() {
        List<Pod> pods = livePods();
        Optional<Long> leader = leaderId(pods);
        return pods.stream()
                .map(p -> new EtcdMember(memberId(p), memberName(p), leader.map(l -> l == memberId(p)).orElse(false),
                        alarmsOf(p)))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /**
     * Removes member {@code id}; its pod stays (as the static pod would until kubeadm reset) but is marked removed.
     *
     * @throws IllegalArgumentException when no such member exists
     */
    public void removeMember(long id) {
        Pod pod = livePod(id);
        annotate(pod, Map.of(EtcdAnnotations.MEMBER_REMOVED, ""));
    }

    /**
     * Makes member {@code targetId} the leader.
     *
     * @throws IllegalArgumentException when no such member exists
     */
    public void moveLeader(long targetId) {
        List<Pod> pods = livePods();
        Pod target = pods.stream().filter(p -> memberId(p) == targetId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("etcd member " + targetId
                        + " did not become the leader: no such member"));
        annotate(target, Map.of(EtcdAnnotations.LEADER_FROM, leadershipStart(pods).toString()));
    }

    /**
     * The Status answer of the member named {@code memberName} (its Node name).
     *
     * @throws IllegalArgumentException when the member does not exist or was removed
     */
    public EtcdStatus status(String memberName) {
        List<Pod> pods = livePods();
        Pod pod = pods.stream().filter(p -> memberName(p).equals(memberName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("etcd member " + memberName
                        + " is not a member of the cluster"));
        return new EtcdStatus(clusterId(pod), memberId(pod), leaderId(pods).orElse(0L), alarmsOf(pod));
    }

    /** Active alarms by member ID (members without alarms are left out). */
    public Map<Long, Set<EtcdAlarm>> alarms() {
        Map<Long, Set<EtcdAlarm>> alarms = new LinkedHashMap<>();
        for (Pod pod : livePods()) {
            Set<EtcdAlarm> active = alarmsOf(pod);
            if (!active.isEmpty()) {
                alarms.put(memberId(pod), active);
            }
        }
        return alarms;
    }

    /** Raises {@code alarm} on member {@code memberId}. */
    public void raiseAlarm(long memberId, EtcdAlarm alarm) {
        Pod pod = livePod(memberId);
        Set<EtcdAlarm> active = EnumSet.noneOf(EtcdAlarm.class);
        active.addAll(alarmsOf(pod));
        active.add(alarm);
        annotate(pod, Map.of(EtcdAnnotations.ALARMS, join(active)));
    }

    /** Disarms {@code alarm} on member {@code memberId}. */
    public void disarmAlarm(long memberId, EtcdAlarm alarm) {
        Pod pod = livePod(memberId);
        Set<EtcdAlarm> active = EnumSet.noneOf(EtcdAlarm.class);
        active.addAll(alarmsOf(pod));
        active.remove(alarm);
        Map<String, String> change = new HashMap<>();
        change.put(EtcdAnnotations.ALARMS, active.isEmpty() ? null : join(active));
        annotate(pod, change);
    }

    /**
     * The annotations of a member joining now: the existing cluster ID (or {@code newClusterId} for the first
     * member), {@code preferredMemberId} unless another member has it (then the next free one), and leadership
     * when the cluster has no leader.
     */
    public Map<String, String> joiningAnnotations(long newClusterId, long preferredMemberId) {
        List<Pod> pods = livePods();
        long clusterId = pods.stream().map(SimulatedEtcd::clusterId).findFirst().orElse(newClusterId);
        Set<Long> taken = pods.stream().map(SimulatedEtcd::memberId).collect(Collectors.toSet());
        long memberId = preferredMemberId;
        while (memberId == 0 || taken.contains(memberId)) {
            memberId = (memberId + 1) & 0xffffffffL;
        }
        Map<String, String> annotations = new HashMap<>();
        annotations.put(EtcdAnnotations.CLUSTER_ID, Long.toString(clusterId));
        annotations.put(EtcdAnnotations.MEMBER_ID, Long.toString(memberId));
        if (leaderId(pods).isEmpty()) {
            annotations.put(EtcdAnnotations.LEADER_FROM, leadershipStart(pods).toString());
        }
        return annotations;
    }

    private List<Pod> livePods() {
        List<Pod> pods = workload.pods().inNamespace(EtcdAnnotations.NAMESPACE)
                .withLabel(EtcdAnnotations.COMPONENT_LABEL, EtcdAnnotations.ETCD_COMPONENT)
                .withLabel(EtcdAnnotations.TIER_LABEL, EtcdAnnotations.CONTROL_PLANE_TIER).list().getItems();
        List<Pod> live = new ArrayList<>();
        for (Pod pod : pods) {
            Map<String, String> annotations = annotations(pod);
            if (annotations.containsKey(EtcdAnnotations.MEMBER_ID)
                    && !annotations.containsKey(EtcdAnnotations.MEMBER_REMOVED)) {
                live.add(pod);
            }
        }
        return live;
    }

    private Pod livePod(long id) {
        return livePods().stream().filter(p -> memberId(p) == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no etcd member with id " + id + " found"));
    }

    /** The member with the latest leader-from time. */
    private static Optional<Long> leaderId(List<Pod> pods) {
        Long leader = null;
        Instant latest = Instant.MIN;
        for (Pod pod : pods) {
            Optional<Instant> from = leaderFrom(pod);
            if (from.isPresent() && from.get().isAfter(latest)) {
                latest = from.get();
                leader = memberId(pod);
            }
        }
        return Optional.ofNullable(leader);
    }

    /** Now, or just after the current leader's start when the clock has not moved past it (same instant). */
    private Instant leadershipStart(List<Pod> pods) {
        Instant now = clock.instant();
        for (Pod pod : pods) {
            Optional<Instant> from = leaderFrom(pod);
            if (from.isPresent() && !now.isAfter(from.get())) {
                now = from.get().plusMillis(1);
            }
        }
        return now;
    }

    private static Optional<Instant> leaderFrom(Pod pod) {
        String value = annotations(pod).get(EtcdAnnotations.LEADER_FROM);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long memberId(Pod pod) {
        return Long.parseLong(annotations(pod).get(EtcdAnnotations.MEMBER_ID));
    }

    private static long clusterId(Pod pod) {
        return Long.parseLong(annotations(pod).getOrDefault(EtcdAnnotations.CLUSTER_ID, "0"));
    }

    private static String memberName(Pod pod) {
        String name = pod.getMetadata().getName();
        return name.startsWith("etcd-") ? name.substring("etcd-".length()) : name;
    }

    private static Set<EtcdAlarm> alarmsOf(Pod pod) {
        String value = annotations(pod).get(EtcdAnnotations.ALARMS);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<EtcdAlarm> alarms = EnumSet.noneOf(EtcdAlarm.class);
        for (String type : value.split(",")) {
            alarms.add(EtcdAlarm.valueOf(type.trim()));
        }
        return Collections.unmodifiableSet(alarms);
    }

    private static String join(Set<EtcdAlarm> alarms) {
        return alarms.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    private static Map<String, String> annotations(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private void annotate(Pod pod, Map<String, String> changes) {
        Map<String, Object> patch = Map.of("metadata", Map.of("annotations", changes));
        workload.pods().inNamespace(EtcdAnnotations.NAMESPACE).withName(pod.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), workload.getKubernetesSerialization().asJson(patch));
    }
}
