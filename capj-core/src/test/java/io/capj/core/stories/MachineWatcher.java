package io.capj.core.stories;

import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the Machines of one namespace for the whole of a story and records, after every event, how many
 * exist (not being deleted) and how many are Available, keeping the extremes: the invariants a rollout must
 * hold at every instant, not only at the end.
 */
final class MachineWatcher implements AutoCloseable {
    private volatile SharedIndexInformer<GenericKubernetesResource> informer;
    private final AtomicInteger maxLive = new AtomicInteger();
    private final AtomicInteger minAvailable = new AtomicInteger(Integer.MAX_VALUE);

    private MachineWatcher(CorePlane plane, String namespace) {
        informer = plane.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                .inNamespace(namespace).inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource machine) {
                        record();
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource machine) {
                        record();
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource machine, boolean unknownFinalState) {
                        record();
                    }
                });
    }

    /** Starts watching; the first list is recorded too. */
    static MachineWatcher start(CorePlane plane, String namespace) {
        MachineWatcher watcher = new MachineWatcher(plane, namespace);
        watcher.record();
        return watcher;
    }

    /** The most Machines that existed without a deletionTimestamp at any one time. */
    int maxLive() {
        return maxLive.get();
    }

    /** The fewest Available Machines at any one time. */
    int minAvailable() {
        return minAvailable.get();
    }

    private synchronized void record() {
        if (informer == null || !informer.hasSynced()) {
            return; // events of the initial list see a partial store
        }
        List<GenericKubernetesResource> machines = informer.getStore().list();
        int live = (int) machines.stream().filter(m -> m.getMetadata().getDeletionTimestamp() == null).count();
        int available = (int) machines.stream().filter(MachineWatcher::available).count();
        maxLive.accumulateAndGet(live, Math::max);
        minAvailable.accumulateAndGet(available, Math::min);
    }

    static boolean available(GenericKubernetesResource machine) {
        Object status = machine.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream().anyMatch(c -> c instanceof Map<?, ?> condition
                && "Available".equals(condition.get("type")) && "True".equals(condition.get("status")));
    }

    @Override
    public void close() {
        informer.close();
    }
}
