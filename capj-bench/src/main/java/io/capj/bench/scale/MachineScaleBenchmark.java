package io.capj.bench.scale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.core.CoreControllers;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.Fixtures;
import io.capj.core.testing.SimulatedProvider;
import io.capj.core.testing.WorkloadCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The core scale benchmark (issue 3): N MachineDeployments spread over M Clusters asking for K Machines in all,
 * on the real embedded API server (SQLite by default) with every core controller and the simulated test
 * provider (bootstrap data, infrastructure and a Ready Node in a real workload API server per Cluster).
 * Reports the end-to-end time until every Machine is Running, per-Machine time from creation to Running, and
 * exact reconcile durations per controller (p50/p99). Prints one summary line and writes JSON to {@code --out}.
 *
 * <pre>
 * java -cp "capj-bench/target/capj-bench-0.1.0-SNAPSHOT.jar:capj-bench/target/lib/*" \
 *     io.capj.bench.scale.MachineScaleBenchmark --clusters 5 --deployments 50 --machines 1000
 * </pre>
 */
public final class MachineScaleBenchmark {
    private static final long TIMEOUT_NANOS = 30L * 60 * 1_000_000_000;

    private MachineScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MachineScaleOptions options = ScaleCli.parseOrExit("machine-scale", MachineScaleOptions.USAGE, MachineScaleOptions::parse, args);
        ScaleCli.writeAndExit("machine-scale", run(options), options.out());
    }

    static ObjectNode run(MachineScaleOptions options) throws IOException, InterruptedException {
        ReconcileSamples samples = new ReconcileSamples();
        try (CorePlane plane = options.durable() ? CorePlane.startDurable() : CorePlane.start()) {
            plane.startControllers((manager, remotes) -> {
                manager.metrics().addObserver(samples::add);
                CoreControllers.register(manager, remotes);
            });
            try (SimulatedProvider provider = SimulatedProvider.start(plane)) {
                String ns = plane.newNamespace("bench");
                for (int c = 0; c < options.clusters(); c++) {
                    String cluster = "c" + c;
                    WorkloadCluster workload = plane.startWorkloadCluster(ns, cluster);
                    provider.register(ns, cluster, workload);
                    Fixtures.cluster(plane, ns, cluster, true);
                }
                Fixtures.templates(plane, ns, "v1");
                waitUntil(() -> plane.list(CoreKinds.CLUSTER, ns).stream()
                        .allMatch(c -> c.at("/status/phase").asText().equals("Provisioned")), "clusters provisioned");
                samples.clear();
                return measure(plane, ns, options, samples);
            }
        }
    }

    private static ObjectNode measure(CorePlane plane, String ns, MachineScaleOptions options,
            ReconcileSamples samples) throws InterruptedException {
        RunningTimes running = new RunningTimes();
        SharedIndexInformer<GenericKubernetesResource> informer = plane.client()
                .genericKubernetesResources(CoreKinds.MACHINE.definitionContext()).inNamespace(ns).inform(running);
        try {
            int perCluster = options.deployments() / options.clusters();
            int replicas = options.machines() / options.deployments();
            long start = System.nanoTime();
            running.start(start);
            for (int d = 0; d < options.deployments(); d++) {
                String cluster = "c" + (d / perCluster);
                plane.create(CoreKinds.MACHINE_DEPLOYMENT, Fixtures.machineDeployment(ns, "md-" + d, cluster,
                        replicas, "v1", "RollingUpdate", "Random"));
            }
            System.err.printf("machine-scale: %d MachineDeployments created in %.1f s%n", options.deployments(),
                    (System.nanoTime() - start) / 1e9);
            boolean allRunning = waitFor(() -> running.count() >= options.machines(), running, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            ObjectNode report = Json.object();
            report.put("clusters", options.clusters()).put("deployments", options.deployments())
                    .put("machines", options.machines()).put("store", options.durable() ? "sqlite" : "memory")
                    .put("allRunning", allRunning).put("running", running.count())
                    .put("endToEndSeconds", round(seconds))
                    .put("machinesPerSecond", round(running.count() / seconds));
            Percentiles toRunning = Percentiles.of(running.latencies());
            report.putObject("machineCreatedToRunningMillis").put("p50", toRunning.at(0.5) / 1_000_000)
                    .put("p99", toRunning.at(0.99) / 1_000_000).put("max", toRunning.at(1.0) / 1_000_000);
            ObjectNode reconcile = report.putObject("reconcileMillis");
            samples.byController().forEach((controller, nanos) -> {
                Percentiles p = Percentiles.of(nanos);
                reconcile.putObject(controller).put("count", p.count()).put("p50", round(p.at(0.5) / 1e6))
                        .put("p99", round(p.at(0.99) / 1e6));
            });
            Percentiles machine = Percentiles.of(samples.byController().getOrDefault("machine", new long[0]));
            System.out.printf("machine-scale machines=%d deployments=%d clusters=%d store=%s running=%d"
                    + " end_to_end_s=%.1f created_to_running_p50_ms=%d p99_ms=%d"
                    + " machine_reconcile_p50_ms=%.2f p99_ms=%.2f reconciles=%d%n",
                    options.machines(), options.deployments(), options.clusters(), options.durable() ? "sqlite"
                            : "memory", running.count(), seconds, toRunning.at(0.5) / 1_000_000,
                    toRunning.at(0.99) / 1_000_000, machine.at(0.5) / 1e6, machine.at(0.99) / 1e6, machine.count());
            return report;
        } finally {
            informer.close();
        }
    }

    private static boolean waitFor(BooleanSupplier done, RunningTimes running,
            MachineScaleOptions options) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        long lastReport = 0;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.err.printf("machine-scale: %d/%d machines Running%n", running.count(), options.machines());
                lastReport = System.nanoTime();
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static void waitUntil(BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** When each Machine was first seen and when it was first seen Running. */
    private static final class RunningTimes implements ResourceEventHandler<GenericKubernetesResource> {
        private final Map<String, Long> created = new ConcurrentHashMap<>();
        private final Map<String, Long> latencies = new ConcurrentHashMap<>();
        private final AtomicLong start = new AtomicLong();

        void start(long nanos) {
            start.set(nanos);
        }

        int count() {
            return latencies.size();
        }

        long[] latencies() {
            return latencies.values().stream().mapToLong(Long::longValue).toArray();
        }

        @Override
        public void onAdd(GenericKubernetesResource machine) {
            created.putIfAbsent(machine.getMetadata().getName(), System.nanoTime());
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
            Object status = machine.getAdditionalProperties().get("status");
            if (status instanceof Map<?, ?> map && "Running".equals(map.get("phase"))) {
                long now = System.nanoTime();
                latencies.computeIfAbsent(machine.getMetadata().getName(),
                        n -> now - created.getOrDefault(n, start.get()));
            }
        }
    }
}
