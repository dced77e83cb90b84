package io.capj.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.machine.StartupDelay;
import io.capj.infrastructure.dev.testing.InMemoryClusters;
import io.capj.infrastructure.dev.testing.InMemoryPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleBinaryOperator;

/**
 * Issue 4's provisioning benchmark: Clusters on in-memory DevClusters, each with one control-plane Machine
 * created directly and a MachineDeployment of workers, every spec and startup timing taken unmodified from
 * upstream's {@code clusterclass-in-memory.yaml} (VM 10 s, Node 2 s, jitter 0.2). Everything is real: the
 * management API server (SQLite by default), core, kubeadm bootstrap and Dev controllers, workload API servers.
 *
 * <p>For each Machine it compares the time from its bootstrap data being set to Running with the simulated
 * startup time of its DevMachine (VM plus Node step, jitter included, computed exactly as the provider does);
 * the difference is capj's overhead. End to end, it compares the time until every Machine is Running with the
 * longest simulated critical path of a Cluster (control-plane Machine, then its slowest worker, which can only
 * join once the control plane is initialized). Prints one summary line and writes JSON to {@code --out}.
 *
 * <pre>
 * capj-bench/run-inmemory-clusters.sh --clusters 10 --workers 19
 * </pre>
 */
public final class InMemoryClusterBenchmark {
    private static final long TIMEOUT_NANOS = 15L * 60 * 1_000_000_000;

    private InMemoryClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        InMemoryClusterOptions options = ScaleCli.parseOrExit("inmemory-clusters", InMemoryClusterOptions.USAGE, InMemoryClusterOptions::parse, args);
        ScaleCli.writeAndExit("inmemory-clusters", run(options), options.out());
    }

    static ObjectNode run(InMemoryClusterOptions options) throws IOException, InterruptedException {
        InMemoryTemplates templates = InMemoryTemplates.load(options.fixture());
        ReconcileSamples samples = new ReconcileSamples();
        try (InMemoryPlane inMemory = InMemoryPlane.start(options.durable(),
                (manager, remotes) -> manager.metrics().addObserver(samples::add))) {
            CorePlane plane = inMemory.plane();
            String ns = plane.newNamespace("bench");
            MachineTimes times = new MachineTimes();
            SharedIndexInformer<GenericKubernetesResource> informer = plane.client()
                    .genericKubernetesResources(CoreKinds.MACHINE.definitionContext()).inNamespace(ns).inform(times);
            try {
                long start = System.nanoTime();
                InMemoryClusters user = new InMemoryClusters(plane, ns);
                for (int c = 0; c < options.clusters(); c++) {
                    createCluster(user, "c" + c, options.workers(), templates);
                }
                System.err.printf("inmemory-clusters: %d clusters created in %.1f s%n", options.clusters(),
                        (System.nanoTime() - start) / 1e9);
                boolean allRunning = waitForRunning(times, options.machines());
                double seconds = (System.nanoTime() - start) / 1e9;
                return report(plane, ns, options, times, samples, allRunning, seconds, start);
            } finally {
                informer.close();
            }
        }
    }

    private static void createCluster(InMemoryClusters user, String name, int workers, InMemoryTemplates templates) {
        user.cluster(name, templates.devCluster());
        user.controlPlaneMachine(name, name + "-cp-0", templates.controlPlaneKubeadm(), templates.controlPlaneMachine());
        user.workers(name, name + "-md-0", workers, templates.workerKubeadm(), templates.workerMachine());
    }

    private static ObjectNode report(CorePlane plane, String ns, InMemoryClusterOptions options, MachineTimes times,
                                     ReconcileSamples samples, boolean allRunning, double seconds, long start) {
        Map<String, ObjectNode> devMachines = new HashMap<>();
        plane.list(DevKinds.DEV_MACHINE, ns).forEach(d -> devMachines.put(ObjectMeta.name(d), d));
        List<Long> overheads = new ArrayList<>();
        List<Long> provisioning = new ArrayList<>();
        Map<String, Long> controlPlanePath = new HashMap<>();
        Map<String, Long> slowestWorker = new HashMap<>();
        Map<String, ObjectNode> timelines = new TreeMap<>();
        for (ObjectNode machine : plane.list(CoreKinds.MACHINE, ns)) {
            String name = ObjectMeta.name(machine);
            ObjectNode devMachine = devMachines.get(machine.at("/spec/infrastructureRef/name").asText());
            Long ready = times.bootstrapReady.get(name);
            Long running = times.running.get(name);
            if (devMachine == null || ready == null || running == null) {
                continue;
            }
            long simulated = simulatedNanos(devMachine);
            provisioning.add(running - ready);
            overheads.add(running - ready - simulated);
            String cluster = machine.at("/spec/clusterName").asText();
            ObjectNode timeline = timelines.computeIfAbsent(cluster, c -> Json.object());
            if (machine.at("/metadata/labels").has(CoreLabels.MachineControlPlaneLabel)) {
                controlPlanePath.put(cluster, simulated);
                timeline.put("controlPlaneBootstrapReadySeconds", round((ready - start) / 1e9))
                        .put("controlPlaneRunningSeconds", round((running - start) / 1e9));
            } else {
                slowestWorker.merge(cluster, simulated, Math::max);
                latest(timeline, "firstWorkerBootstrapReadySeconds", (ready - start) / 1e9, Math::min);
                latest(timeline, "lastWorkerRunningSeconds", (running - start) / 1e9, Math::max);
            }
        }
        long criticalPath = controlPlanePath.entrySet().stream()
                .mapToLong(e -> e.getValue() + slowestWorker.getOrDefault(e.getKey(), 0L)).max().orElse(0);
        Percentiles overhead = Percentiles.of(overheads.stream().mapToLong(Long::longValue).toArray());
        Percentiles toRunning = Percentiles.of(provisioning.stream().mapToLong(Long::longValue).toArray());

        ObjectNode report = Json.object();
        report.put("clusters", options.clusters()).put("machines", options.machines())
                .put("store", options.durable() ? "sqlite" : "memory").put("allRunning", allRunning)
                .put("running", times.running.size()).put("endToEndSeconds", round(seconds))
                .put("simulatedCriticalPathSeconds", round(criticalPath / 1e9))
                .put("endToEndOverheadSeconds", round(seconds - criticalPath / 1e9));
        report.putObject("bootstrapReadyToRunningMillis").put("p50", toRunning.at(0.5) / 1_000_000)
                .put("p99", toRunning.at(0.99) / 1_000_000).put("max", toRunning.at(1.0) / 1_000_000);
        report.putObject("overheadOverSimulatedStartupMillis").put("count", overhead.count())
                .put("p50", overhead.at(0.5) / 1_000_000).put("p99", overhead.at(0.99) / 1_000_000)
                .put("max", overhead.at(1.0) / 1_000_000);
        report.set("timelineByCluster", Json.MAPPER.valueToTree(timelines));
        ObjectNode reconcile = report.putObject("reconcileMillis");
        samples.byController().forEach((controller, nanos) -> {
            Percentiles p = Percentiles.of(nanos);
            reconcile.putObject(controller).put("count", p.count()).put("p50", round(p.at(0.5) / 1e6))
                    .put("p99", round(p.at(0.99) / 1e6));
        });
        System.out.printf("inmemory-clusters machines=%d clusters=%d store=%s running=%d end_to_end_s=%.1f"
                        + " simulated_critical_path_s=%.1f overhead_p50_ms=%d p99_ms=%d max_ms=%d%n",
                options.machines(), options.clusters(), options.durable() ? "sqlite" : "memory",
                times.running.size(), seconds, criticalPath / 1e9, overhead.at(0.5) / 1_000_000,
                overhead.at(0.99) / 1_000_000, overhead.at(1.0) / 1_000_000);
        return report;
    }

    private static void latest(ObjectNode timeline, String field, double seconds,
                               DoubleBinaryOperator pick) {
        double value = timeline.has(field) ? pick.applyAsDouble(timeline.get(field).asDouble(), seconds) : seconds;
        timeline.put(field, round(value));
    }

    /** What a Machine waits for before Running: its DevMachine's VM and Node steps, jitter included. */
    private static long simulatedNanos(JsonNode devMachine) {
        JsonNode inMemory = devMachine.at("/spec/backend/inMemory");
        String uid = ObjectMeta.uid(devMachine);
        return StartupDelay.of(inMemory, "vm", uid).plus(StartupDelay.of(inMemory, "node", uid)).toNanos();
    }

    private static boolean waitForRunning(MachineTimes times, int machines) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        long lastReport = 0;
        while (times.running.size() < machines) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.err.printf("inmemory-clusters: %d/%d machines Running%n", times.running.size(), machines);
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** When each Machine was first seen with its bootstrap data set, and first seen Running. */
    private static final class MachineTimes implements ResourceEventHandler<GenericKubernetesResource> {
        final Map<String, Long> bootstrapReady = new ConcurrentHashMap<>();
        final Map<String, Long> running = new ConcurrentHashMap<>();

        @Override
        public void onAdd(GenericKubernetesResource machine) {
            observe(machine);
        }

        @Override
        public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource machine) {
            observe(machine);
        }

        @Override
        public void onDelete(GenericKubernetesResource machine, boolean unknownFinalState) {
        }

        private void observe(GenericKubernetesResource machine) {
            long now = System.nanoTime();
            String name = machine.getMetadata().getName();
            JsonNode tree = Json.MAPPER.valueToTree(machine);
            if (!tree.at("/spec/bootstrap/dataSecretName").asText().isEmpty()) {
                bootstrapReady.putIfAbsent(name, now);
            }
            if ("Running".equals(tree.at("/status/phase").asText())) {
                running.putIfAbsent(name, now);
            }
        }
    }
}
