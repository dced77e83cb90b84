package io.capj.bench.write;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * A snapshot of this JVM's cumulative CPU time and garbage collection, so that the difference over the
 * measured window says how many cores the whole process (server and clients together) used and how much
 * of the window was GC. Server and load share the process, so CPU cannot be split between them here.
 */
public record ProcessCounters(long wallNanos, long cpuNanos, long gcCount, long gcMillis) {

    /** The counters now; CPU time is -1 when the JVM does not report it. */
    public static ProcessCounters now() {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new ProcessCounters(System.nanoTime(), processCpuNanos(), gcCount, gcMillis);
    }

    /** Usage between {@code earlier} and this snapshot. */
    public Usage since(ProcessCounters earlier) {
        double wall = (wallNanos - earlier.wallNanos) / 1e9;
        double cpu = cpuNanos < 0 || earlier.cpuNanos < 0 ? -1 : (cpuNanos - earlier.cpuNanos) / 1e9;
        return new Usage(wall, cpu, gcCount - earlier.gcCount, gcMillis - earlier.gcMillis);
    }

    /** Resource use over a window: {@code cpuSeconds / wallSeconds} is the mean number of busy cores. */
    public record Usage(double wallSeconds, double cpuSeconds, long gcCount, long gcMillis) {
        public double busyCores() {
            return cpuSeconds < 0 || wallSeconds <= 0 ? -1 : cpuSeconds / wallSeconds;
        }
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
