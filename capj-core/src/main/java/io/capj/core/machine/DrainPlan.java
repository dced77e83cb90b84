package io.capj.core.machine;

import io.capj.api.core.v1beta2.CoreLabels;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which Pods of a Node a drain evicts, waits for or leaves alone, as a pure function of the Pods. Left alone:
 * DaemonSet-managed Pods, static (mirror) Pods, Pods labelled {@code cluster.x-k8s.io/drain=skip}, and, on an
 * unreachable Node, Pods whose deletion started more than a second ago (the kubelet will never confirm it).
 * Waited for: Pods already terminating, and Pods labelled {@code cluster.x-k8s.io/drain=waitcompleted} until
 * they finish. Everything else is evicted. Finished Pods (Succeeded/Failed) are always evicted.
 *
 * @param evict Pods to evict now
 * @param terminating Pods that have a deletionTimestamp but are still on the Node
 * @param waitCompleted Pods left to complete by themselves
 * @param skipped Pods the drain ignores
 */
record DrainPlan(List<Pod> evict, List<Pod> terminating, List<Pod> waitCompleted, List<Pod> skipped) {
    static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String SKIP = "skip";
    private static final String WAIT_COMPLETED = "waitcompleted";
    private static final Duration UNREACHABLE_SKIP_AFTER = Duration.ofSeconds(1);

    /** Classifies {@code pods} (all on one Node); {@code nodeUnreachable} when its Ready condition is Unknown. */
    static DrainPlan of(List<Pod> pods, boolean nodeUnreachable, Instant now) {
        List<Pod> evict = new ArrayList<>();
        List<Pod> terminating = new ArrayList<>();
        List<Pod> waitCompleted = new ArrayList<>();
        List<Pod> skipped = new ArrayList<>();
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing(DrainPlan::key));
        for (Pod pod : sorted) {
            String deletion = pod.getMetadata().getDeletionTimestamp();
            if (deletion != null && nodeUnreachable
                    && Instant.parse(deletion).plus(UNREACHABLE_SKIP_AFTER).isBefore(now)) {
                skipped.add(pod);
            } else if (isSkipped(pod)) {
                skipped.add(pod);
            } else if (WAIT_COMPLETED.equals(drainLabel(pod)) && !finished(pod)) {
                waitCompleted.add(pod);
            } else if (WAIT_COMPLETED.equals(drainLabel(pod))) {
                skipped.add(pod);
            } else if (deletion != null) {
                terminating.add(pod);
            } else {
                evict.add(pod);
            }
        }
        return new DrainPlan(evict, terminating, waitCompleted, skipped);
    }

    /** Nothing left to evict or wait for. */
    boolean isEmpty() {
        return evict.isEmpty() && terminating.isEmpty() && waitCompleted.isEmpty();
    }

    static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    /** Up to three Pod keys, then "... (N more)", as upstream lists them in messages. */
    static String list(List<Pod> pods) {
        List<String> keys = pods.stream().map(DrainPlan::key).toList();
        if (keys.size() <= 3) {
            return String.join(", ", keys);
        }
        return String.join(", ", keys.subList(0, 3)) + ", ... (" + (keys.size() - 3) + " more)";
    }

    private static boolean isSkipped(Pod pod) {
        if (SKIP.equals(drainLabel(pod))) {
            return true;
        }
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(MIRROR_POD_ANNOTATION)) {
            return true;
        }
        return daemonSetManaged(pod) && !finished(pod);
    }

    private static boolean daemonSetManaged(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners != null && owners.stream()
                .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && "DaemonSet".equals(o.getKind()));
    }

    private static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String drainLabel(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String value = labels == null ? null : labels.get(CoreLabels.PodDrainLabel);
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
