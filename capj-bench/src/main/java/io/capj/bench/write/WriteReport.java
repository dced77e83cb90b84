package io.capj.bench.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The write benchmark's output: one summary line per run for humans and logs, and one JSON document with
 * every figure plus the machine (JVM, cores, OS) and the date, for comparing runs. The goal G3 of
 * {@code performance-anchors.md} §9 (at 64 clients: ≥ 20% of the raw rate, p99 &lt; 50 ms) is reported, not
 * asserted.
 */
public final class WriteReport {
    static final double GOAL_RATIO = 0.20;
    static final double GOAL_P99_MILLIS = 50;
    static final int GOAL_CLIENTS = 64;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WriteReport() {
    }

    /** {@code write-bench clients=64 store=sqlite creates/s=... p50=...ms p99=...ms errors=0 raw-sqlite-rows/s=... ratio=... watch-events=...}. */
    public static String summaryLine(WriteBenchOptions options, WriteRunResult run) {
        LoadResult load = run.load();
        return String.format(Locale.ROOT,
                "write-bench clients=%d store=%s creates/s=%.0f p50=%sms p99=%sms errors=%d raw-sqlite-rows/s=%.0f"
                        + " ratio=%.2f watch-events=%d verified=%s",
                load.clients(), options.store().label(), load.createsPerSecond(), millis(load.latency().valueAt(0.50)),
                millis(load.latency().valueAt(0.99)), load.totalErrors(), run.raw().rowsPerSecond(), run.ratio(),
                run.watchAdded() + run.watchOther(), run.verification());
    }

    /** Writes the JSON report of {@code runs} to {@code out}, creating parent directories. */
    public static void writeJson(Path out, WriteBenchOptions options, List<String> args, List<WriteRunResult> runs)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "write");
        root.put("date", Instant.now().toString());
        root.set("machine", machine());
        root.set("settings", settings(options, args));
        ArrayNode results = root.putArray("runs");
        runs.forEach(run -> results.add(run(run)));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(out.toFile(), root);
    }

    private static ObjectNode machine() {
        ObjectNode m = JSON.createObjectNode();
        Runtime rt = Runtime.getRuntime();
        m.put("cores", rt.availableProcessors());
        m.put("maxHeapBytes", rt.maxMemory());
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return m;
    }

    private static ObjectNode settings(WriteBenchOptions o, List<String> args) {
        ObjectNode s = JSON.createObjectNode();
        s.put("args", String.join(" ", args));
        s.put("store", o.store().label());
        s.put("durationSeconds", o.count() > 0 ? 0 : o.duration().toMillis() / 1000.0);
        s.put("count", o.count());
        s.put("warmupSeconds", o.warmup().toMillis() / 1000.0);
        s.put("httpClients", o.httpClients().label());
        s.put("bodyBytes", o.bodyBytes());
        s.put("rawTargetSeconds", o.rawDuration().toMillis() / 1000.0);
        s.put("transport", "HTTPS, HTTP/2 (ALPN), admin client certificate, java.net.http.HttpClient");
        return s;
    }

    private static ObjectNode run(WriteRunResult run) {
        LoadResult load = run.load();
        ObjectNode r = JSON.createObjectNode();
        r.put("clients", load.clients());
        r.put("windowSeconds", load.windowSeconds());
        r.put("createsPerSecond", load.createsPerSecond());
        r.put("measuredCreates", load.measuredCreates());
        r.put("measuredErrors", load.measuredErrors());
        r.set("latencyMillis", latency(load.latency()));
        r.put("totalCreated", load.totalCreated());
        r.put("totalErrors", load.totalErrors());
        r.set("firstFailures", JSON.valueToTree(load.firstFailures()));
        r.set("process", usage(load.usage()));
        r.set("rawSqlite", raw(run.raw()));
        r.put("ratio", run.ratio());
        r.set("watch", watch(run));
        r.put("listedItems", run.listedItems());
        r.put("verified", run.verified());
        r.put("verification", run.verification());
        r.put("dataDirFileStore", run.storeFsType());
        if (load.clients() == GOAL_CLIENTS) {
            r.set("goalG3", goal(run));
        }
        return r;
    }

    private static ObjectNode latency(LatencyHistogram h) {
        ObjectNode l = JSON.createObjectNode();
        l.put("samples", h.count());
        l.put("min", h.min() / 1e6);
        l.put("mean", h.mean() / 1e6);
        l.put("p50", h.valueAt(0.50) / 1e6);
        l.put("p90", h.valueAt(0.90) / 1e6);
        l.put("p99", h.valueAt(0.99) / 1e6);
        l.put("p999", h.valueAt(0.999) / 1e6);
        l.put("max", h.max() / 1e6);
        return l;
    }

    private static ObjectNode usage(ProcessCounters.Usage u) {
        ObjectNode p = JSON.createObjectNode();
        p.put("cpuSeconds", u.cpuSeconds());
        p.put("busyCores", u.busyCores());
        p.put("gcCount", u.gcCount());
        p.put("gcMillis", u.gcMillis());
        p.put("jitCompileMillis", u.jitMillis());
        p.put("otherProcessesCores", u.otherProcessesCores());
        p.put("note", "whole JVM: server and load clients share the process and the cores;"
                + " otherProcessesCores is what the rest of the machine used during the window");
        return p;
    }

    private static ObjectNode raw(RawStoreBaseline.Measurement m) {
        ObjectNode r = JSON.createObjectNode();
        r.put("threads", m.result().threads());
        r.put("rows", m.result().rows());
        r.put("valueBytes", m.result().valueBytes());
        r.put("seconds", m.result().seconds());
        r.put("rowsPerSecond", m.rowsPerSecond());
        r.put("calibrationRowsPerSecond", m.calibrationRowsPerSecond());
        r.put("what", "io.capj.storage.sqlite.SqliteRawInsertRate: WAL, synchronous=FULL, group commit");
        return r;
    }

    private static ObjectNode watch(WriteRunResult run) {
        ObjectNode w = JSON.createObjectNode();
        w.put("added", run.watchAdded());
        w.put("otherEvents", run.watchOther());
        w.put("errorEvents", run.watchErrors());
        w.put("endedEarly", run.watchEnded());
        return w;
    }

    private static ObjectNode goal(WriteRunResult run) {
        ObjectNode g = JSON.createObjectNode();
        double p99 = run.load().latency().valueAt(0.99) / 1e6;
        g.put("ratioAtLeast", GOAL_RATIO);
        g.put("p99MillisBelow", GOAL_P99_MILLIS);
        g.put("ratioMet", run.ratio() >= GOAL_RATIO);
        g.put("p99Met", p99 < GOAL_P99_MILLIS);
        return g;
    }

    /** Milliseconds with two decimals below 10 ms, one decimal above. */
    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }
}
