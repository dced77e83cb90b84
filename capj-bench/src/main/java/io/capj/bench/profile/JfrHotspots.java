package io.capj.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the {@code jdk.ExecutionSample} events (Java threads on CPU) of a recording:
 * samples by {@link Layer}, by thread group (thread name without its trailing number), the hottest leaf
 * methods, and the capj methods on the most stacks (inclusive). Native time off-CPU (fsync, socket waits)
 * is not in these samples. Then where threads waited: {@code jdk.ThreadPark} and {@code jdk.JavaMonitorEnter}
 * durations (only those above the recording's threshold, 10 ms with {@code settings=profile}), summed by
 * thread group and the first frame outside the JDK's locking code. Last, sampled allocation
 * ({@code jdk.ObjectAllocationSample} weights) by the leaf-most capj method.
 *
 * <pre>java -cp ... io.capj.bench.profile.JfrHotspots target/bench/write.jfr [top]</pre>
 */
public final class JfrHotspots {
    private final Map<String, Long> byLayer = new HashMap<>();
    private final Map<String, Long> byThread = new HashMap<>();
    private final Map<String, Long> byLeaf = new HashMap<>();
    private final Map<String, Long> byCapjMethod = new HashMap<>();
    private final Map<String, Long> blockedMillis = new HashMap<>();
    private final Map<String, Long> allocatedBytes = new HashMap<>();
    private long samples;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrHotspots RECORDING.jfr [top]");
            System.exit(2);
        }
        JfrHotspots hotspots = new JfrHotspots();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getStackTrace() == null) {
                continue;
            }
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> hotspots.add(event);
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> hotspots.addBlocked(event);
                case "jdk.ObjectAllocationSample" -> hotspots.addAllocation(event);
                default -> { }
            }
        }
        hotspots.print(args.length > 1 ? Integer.parseInt(args[1]) : 25);
    }

    private void add(RecordedEvent event) {
        samples++;
        RecordedStackTrace stack = event.getStackTrace();
        List<RecordedFrame> frames = stack.getFrames();
        count(byThread, threadGroup(event));
        count(byLayer, layerOf(frames).name());
        if (!frames.isEmpty()) {
            count(byLeaf, name(frames.get(0)));
        }
        Set<String> capj = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String n = name(frame);
            if (n.startsWith("io.capj.") && capj.add(n)) {
                count(byCapjMethod, n);
            }
        }
    }

    /** A park or contended monitor enter (above the recording's threshold), charged to the waiting code. */
    private void addBlocked(RecordedEvent event) {
        String waiter = "?";
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String n = name(frame);
            if (!n.startsWith("java.util.concurrent.") && !n.startsWith("jdk.internal.misc.")
                    && !n.startsWith("java.lang.Object.wait") && !n.startsWith("java.lang.Thread.sleep")) {
                waiter = n;
                break;
            }
        }
        String kind = event.getEventType().getName().equals("jdk.JavaMonitorEnter") ? "monitor " : "park ";
        blockedMillis.merge(kind + threadGroup(event) + " @ " + waiter, event.getDuration().toMillis(), Long::sum);
    }

    /** An allocation sample, its weight charged to the leaf-most capj method (else the leaf-most layer). */
    private void addAllocation(RecordedEvent event) {
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        String site = layerOf(frames).name();
        for (RecordedFrame frame : frames) {
            String n = name(frame);
            if (n.startsWith("io.capj.")) {
                site = n;
                break;
            }
        }
        allocatedBytes.merge(site, event.getLong("weight"), Long::sum);
    }

    static Layer layerOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            Layer layer = Layer.ofClass(frame.getMethod().getType().getName());
            if (layer != null) {
                return layer;
            }
        }
        return Layer.OTHER;
    }

    /** The sampled thread's name with every number replaced by N: {@code capj-http-45} becomes {@code capj-http-N}. */
    private static String threadGroup(RecordedEvent event) {
        RecordedThread thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
        String name = thread == null ? null : thread.getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    /** {@code class.method}, with generated lambda class names folded so that they aggregate. */
    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda");
        return type + "." + frame.getMethod().getName();
    }

    private static void count(Map<String, Long> map, String key) {
        map.merge(key, 1L, Long::sum);
    }

    private void print(int top) {
        System.out.printf("%d CPU samples (jdk.ExecutionSample)%n", samples);
        table("by layer (leaf-most known package)", byLayer, top);
        table("by thread group", byThread, top);
        table("hottest leaf methods (self)", byLeaf, top);
        table("capj methods on the stack (inclusive)", byCapjMethod, top);
        System.out.printf("%n== blocked time (ms, summed over threads) by thread group @ waiting method%n");
        blockedMillis.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%9d  %s%n", e.getValue(), e.getKey()));
        long allocated = allocatedBytes.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%n== allocation (sampled weight, %d MB total) by leaf-most capj method%n", allocated >> 20);
        allocatedBytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %7d MB  %s%n", 100.0 * e.getValue() / Math.max(1, allocated),
                        e.getValue() >> 20, e.getKey()));
    }

    private void table(String title, Map<String, Long> counts, int top) {
        System.out.printf("%n== %s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %7d  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getValue(), e.getKey()));
    }
}
