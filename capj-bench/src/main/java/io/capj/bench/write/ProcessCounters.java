package io.capj.bench.write;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snapshot of this JVM's cumulative CPU time, garbage collection and JIT compilation, and of the whole
 * machine's busy CPU time (Linux {@code /proc/stat}), so that the difference over the measured window says
 * how many cores the process (server and clients together) used, how much of the window was GC or JIT,
 * and whether other processes on the box competed for the cores. Server and load share the process, so
 * CPU cannot be split between them here.
 */
public record ProcessCounters(long wallNanos, long cpuNanos, long gcCount, long gcMillis, long jitMillis,
                              long machineBusyNanos) {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** {@code /proc/stat} counts in USER_HZ ticks, 100 per second on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The counters now; a figure the platform does not report is -1. */
    public static ProcessCounters now() {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        return new ProcessCounters(System.nanoTime(), processCpuNanos(), gcCount, gcMillis, jitMillis,
                readMachineBusyNanos());
    }

    /** Usage between {@code earlier} and this snapshot. */
    public Usage since(ProcessCounters earlier) {
        double wall = (wallNanos - earlier.wallNanos) / 1e9;
        return new Usage(wall, delta(cpuNanos, earlier.cpuNanos) / 1e9, gcCount - earlier.gcCount,
                gcMillis - earlier.gcMillis, delta(jitMillis, earlier.jitMillis),
                delta(machineBusyNanos, earlier.machineBusyNanos) / 1e9);
    }

    /**
     * Resource use over a window. {@code cpuSeconds / wallSeconds} is the mean number of cores this JVM kept
     * busy; {@code jitMillis} is JIT compilation time (summed over compiler threads), small when the warmup
     * was long enough; {@code machineCpuSeconds} is all processes' CPU, so the difference is what other
     * processes took from the benchmark. Negative figures mean "not reported".
     */
    public record Usage(double wallSeconds, double cpuSeconds, long gcCount, long gcMillis, long jitMillis,
                        double machineCpuSeconds) {
        public double busyCores() {
            return cpuSeconds < 0 || wallSeconds <= 0 ? -1 : cpuSeconds / wallSeconds;
        }

        /** Mean cores used by other processes on the machine during the window, -1 when unknown. */
        public double otherProcessesCores() {
            if (cpuSeconds < 0 || machineCpuSeconds < 0 || wallSeconds <= 0) {
                return -1;
            }
            return Math.max(0, (machineCpuSeconds - cpuSeconds) / wallSeconds);
        }
    }

    private static long delta(long later, long earlier) {
        return later < 0 || earlier < 0 ? -1 : later - earlier;
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** user + nice + system + irq + softirq + steal of the {@code cpu} line, in nanoseconds; -1 off Linux. */
    static long readMachineBusyNanos() {
        try {
            String cpu = Files.readAllLines(PROC_STAT).get(0);
            String[] f = cpu.trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(f[i]);
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
