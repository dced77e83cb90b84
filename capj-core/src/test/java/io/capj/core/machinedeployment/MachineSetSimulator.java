package io.capj.core.machinedeployment;

import io.capj.core.CoreKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays the MachineSet controller in one namespace: every MachineSet's status follows its spec at once (all
 * replicas ready, available and up to date, observedGeneration current), except that the test may say how many
 * Machines users left in a MachineSet ({@link #machinesLeft}). It also watches every MachineSet change in order and records the worst
 * moments seen: the largest total {@code spec.replicas} and the smallest total of available replicas (a
 * MachineSet's available replicas count only up to its {@code spec.replicas}, since it is deleting the rest).
 */
final class MachineSetSimulator implements AutoCloseable {
    private record Observed(int specReplicas, int availableReplicas) {
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final Map<String, Observed> observed = new HashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final Watch watch;
    private volatile boolean stallNew;
    private int maxTotal;
    private int minAvailable = Integer.MAX_VALUE;

    MachineSetSimulator(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.watch = client.genericKubernetesResources(CoreKinds.MACHINE_SET.definitionContext())
                .inNamespace(namespace).watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource ms) {
                        onEvent(action, ms);
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                });
    }

    /**
     * Makes {@code machineSet} behave as one that may not create Machines while users delete them: it reports
     * at most {@code machines} replicas, none up to date.
     */
    void machinesLeft(String machineSet, int machines) {
        held.put(machineSet, machines);
        writer.submit(() -> syncStatus(machineSet));
    }

    /** From now on, MachineSets not seen before get no Machines until {@link #release released}. */
    void stallNewMachineSets() {
        stallNew = true;
    }

    /** Lets {@code machineSet} create all its Machines again. */
    void release(String machineSet) {
        stallNew = false;
        held.remove(machineSet);
        writer.submit(() -> syncStatus(machineSet));
    }

    /** Forgets the extremes seen so far (and starts from the current state). */
    synchronized void resetRecording() {
        maxTotal = total();
        minAvailable = available();
    }

    synchronized int maxTotal() {
        return maxTotal;
    }

    synchronized int minAvailable() {
        return minAvailable;
    }

    private synchronized void onEvent(Watcher.Action action, GenericKubernetesResource ms) {
        String name = ms.getMetadata().getName();
        int replicas = number(section(ms, "spec").get("replicas"));
        if (action == Watcher.Action.DELETED) {
            observed.remove(name);
        } else {
            if (stallNew && !observed.containsKey(name)) {
                held.put(name, 0);
            }
            observed.put(name, new Observed(replicas, number(section(ms, "status").get("availableReplicas"))));
        }
        maxTotal = Math.max(maxTotal, total());
        minAvailable = Math.min(minAvailable, available());
        if (action != Watcher.Action.DELETED) {
            writer.submit(() -> syncStatus(name));
        }
    }

    /**
     * Reports the MachineSet as its controller would: as many Machines as it wants, or, for a held set whose
     * Machines users delete, no more than they left.
     */
    private void syncStatus(String name) {
        var resource = client.genericKubernetesResources(CoreKinds.MACHINE_SET.definitionContext())
                .inNamespace(namespace).withName(name);
        try {
            GenericKubernetesResource ms = resource.get();
            if (ms == null) {
                return;
            }
            int replicas = number(section(ms, "spec").get("replicas"));
            Integer machines = held.get(name);
            int actual = machines == null ? replicas : Math.min(replicas, machines);
            int upToDate = machines == null ? actual : 0;
            long generation = ms.getMetadata().getGeneration() == null ? 0 : ms.getMetadata().getGeneration();
            Map<String, Object> status = section(ms, "status");
            if (number(status.get("replicas")) == actual && number(status.get("availableReplicas")) == actual
                    && number(status.get("upToDateReplicas")) == upToDate
                    && number(status.get("observedGeneration")) == generation) {
                return;
            }
            String patch = "{\"status\":{\"replicas\":" + actual + ",\"readyReplicas\":" + actual
                    + ",\"availableReplicas\":" + actual + ",\"upToDateReplicas\":" + upToDate
                    + ",\"observedGeneration\":" + generation + "}}";
            resource.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            // Deleted meanwhile, or changed again: the next event syncs it.
        }
    }

    private int total() {
        return observed.values().stream().mapToInt(Observed::specReplicas).sum();
    }

    private int available() {
        return observed.values().stream().mapToInt(o -> Math.min(o.specReplicas(), o.availableReplicas())).sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(GenericKubernetesResource ms, String name) {
        Object value = ms.getAdditionalProperties().get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public void close() {
        watch.close();
        writer.shutdownNow();
    }
}
