package io.capj.core.machine;

import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cordons a Machine's Node and evicts its Pods through the Eviction API (so PodDisruptionBudgets apply), one
 * round per reconcile: Pods are chosen by {@link DrainPlan}; while any is left the Machine is requeued and the
 * Deleting message lists what the drain waits for, in upstream's words.
 */
final class NodeDrain {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDrain.class);
    static final Duration DRAIN_RETRY_INTERVAL = Duration.ofSeconds(20);
    private static final int NOT_FOUND = 404;

    private final RemoteClusters remotes;
    private final Duration retryInterval;

    NodeDrain(RemoteClusters remotes, Duration retryInterval) {
        this.remotes = remotes;
        this.retryInterval = retryInterval;
    }

    /** One drain round; done when nothing is left on the Node to evict or wait for. */
    Result drain(MachineScope s, String drainStartTime) {
        String nodeName = s.view().status().nodeName().orElseThrow();
        KubernetesClient client = remotes.client(s.clusterKey());
        Node node = client.nodes().withName(nodeName).get();
        if (node == null) {
            LOG.info("could not find Node from Machine.status.nodeRef, skipping Node drain Machine={} Node={}",
                    s.request, nodeName);
            return Result.done();
        }
        if (node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            LOG.info("cordoning Node Machine={} Node={}", s.request, nodeName);
            client.nodes().withName(nodeName).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"unschedulable\":true}}");
        }
        DrainPlan plan = DrainPlan.of(podsOn(client, nodeName), unreachable(node), s.now);
        if (plan.isEmpty()) {
            LOG.info("drain completed Machine={} Node={}", s.request, nodeName);
            return Result.done();
        }
        Map<String, List<Pod>> failed = new TreeMap<>();
        List<Pod> terminating = new ArrayList<>(plan.terminating());
        for (Pod pod : plan.evict()) {
            try {
                boolean evicted = client.pods().inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName()).evict();
                if (evicted) {
                    terminating.add(pod);
                } else {
                    failed.computeIfAbsent("cannot evict pod as it would violate the pod's disruption budget.",
                            k -> new ArrayList<>()).add(pod);
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != NOT_FOUND) {
                    failed.computeIfAbsent("failed to evict Pod, " + e.getMessage(), k -> new ArrayList<>()).add(pod);
                }
            }
        }
        if (terminating.isEmpty() && failed.isEmpty() && plan.waitCompleted().isEmpty()) {
            LOG.info("drain completed, remaining Pods on the Node have been evicted Machine={} Node={}", s.request,
                    nodeName);
            return Result.done();
        }
        s.deletingMessage = message(drainStartTime, terminating, failed, plan.waitCompleted());
        LOG.info("drain not completed yet, requeuing Machine={} Node={} in={}", s.request, nodeName, retryInterval);
        return Result.requeueAfter(retryInterval);
    }

    /** Pods bound to {@code nodeName}, listed with the {@code spec.nodeName} field selector as upstream does. */
    private static List<Pod> podsOn(KubernetesClient client, String nodeName) {
        try {
            return client.pods().inAnyNamespace().withField("spec.nodeName", nodeName).list().getItems();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("failed to get Pods for eviction on Node " + nodeName + ": "
                    + e.getMessage(), e);
        }
    }

    /** A Node whose Ready condition is Unknown: its kubelet will never confirm Pod deletions. */
    static boolean unreachable(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        return node.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).map(NodeCondition::getStatus).anyMatch("Unknown"::equals);
    }

    private static String message(String startTime, List<Pod> terminating, Map<String, List<Pod>> failed,
            List<Pod> waitCompleted) {
        StringBuilder m = new StringBuilder("Drain not completed yet (started at " + startTime + "):");
        if (!terminating.isEmpty()) {
            m.append("\n* ").append(plural(terminating)).append(' ').append(DrainPlan.list(terminating))
                    .append(": deletionTimestamp set, but still not removed from the Node");
        }
        failed.forEach((reason, pods) -> m.append("\n* ").append(plural(pods)).append(' ')
                .append(DrainPlan.list(pods)).append(": ").append(reason));
        if (!waitCompleted.isEmpty()) {
            m.append("\n* ").append(plural(waitCompleted)).append(' ').append(DrainPlan.list(waitCompleted))
                    .append(": waiting for completion");
        }
        return m.toString();
    }

    private static String plural(List<Pod> pods) {
        return pods.size() > 1 ? "Pods" : "Pod";
    }
}
