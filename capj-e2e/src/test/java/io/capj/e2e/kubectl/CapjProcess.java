package io.capj.e2e.kubectl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code bin/capj serve} process started exactly as an operator would start it, observed only through its
 * runtime contract: the one {@code capj ready: URL kubeconfig=PATH} line on stdout, the kubeconfig it
 * writes, and a clean exit on SIGTERM. Its stdout and stderr are appended to log files so a failing
 * scenario can be diagnosed; it is stopped by its own PID, never by name.
 */
final class CapjProcess implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern READY = Pattern.compile("^capj ready: (https://127\\.0\\.0\\.1:\\d+) kubeconfig=(.+)$");

    private final Process process;
    private final Path stderrLog;
    private final String url;
    private final Path kubeconfig;

    private CapjProcess(Process process, Path stderrLog, String url, Path kubeconfig) {
        this.process = process;
        this.stderrLog = stderrLog;
        this.url = url;
        this.kubeconfig = kubeconfig;
    }

    /**
     * Runs {@code bin/capj serve --data-dir DATA_DIR --port 0} (default store: SQLite in the data directory)
     * and waits for its ready line.
     *
     * @param logDir where {@code capj.stdout.log} and {@code capj.stderr.log} are appended
     * @throws AssertionError when it exits or stays silent instead of becoming ready; the message carries
     *                        its stderr (for example bin/capj's "not built yet" hint)
     */
    static CapjProcess start(Path dataDir, Path logDir) {
        Path root = repositoryRoot();
        Path stdoutLog = logDir.resolve("capj.stdout.log");
        Path stderrLog = logDir.resolve("capj.stderr.log");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/capj").toString(),
                "serve", "--data-dir", dataDir.toString(), "--port", "0")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        Process process;
        try {
            Files.createDirectories(logDir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to start " + builder.command(), e);
        }
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpStdout(process, stdoutLog, ready), "capj-stdout-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        Matcher line = awaitReady(process, ready, stderrLog);
        Path kubeconfig = Path.of(line.group(2));
        if (!kubeconfig.equals(dataDir.resolve("admin.kubeconfig")) || !Files.isRegularFile(kubeconfig)) {
            process.destroy();
            throw new AssertionError("capj's ready line names kubeconfig " + kubeconfig + " but the contract is "
                    + dataDir.resolve("admin.kubeconfig") + " and it must exist on readiness");
        }
        return new CapjProcess(process, stderrLog, line.group(1), kubeconfig);
    }

    /** The directory holding {@code bin/capj}, found by walking up from the working directory. */
    static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/capj"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/capj found in " + start + " or any parent directory");
    }

    String url() {
        return url;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Sends SIGTERM to this process (by its PID) and waits for it to exit.
     *
     * @return its exit code; the contract promises 0 after a clean shutdown
     * @throws AssertionError when it is still running after {@link #STOP_TIMEOUT} (it is then killed)
     */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                throw new AssertionError("capj (pid " + pid() + ") did not exit within " + STOP_TIMEOUT.toSeconds()
                        + " s of SIGTERM and was killed; stderr tail:\n" + tail(stderrLog));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping capj (pid " + pid() + ")", e);
        }
        return process.exitValue();
    }

    /** Stops the process if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static Matcher awaitReady(Process process, CompletableFuture<Matcher> ready, Path stderrLog) {
        try {
            return ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            String state = process.isAlive() ? "printed no ready line within " + READY_TIMEOUT.toSeconds() + " s"
                    : "exited with " + exitCodeOf(process) + " before it was ready";
            process.destroyForcibly();
            throw new AssertionError("capj serve " + state + "; stderr:\n" + tail(stderrLog), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for capj to become ready", e);
        }
    }

    private static int exitCodeOf(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Copies stdout to its log and completes {@code ready} with the first ready line. */
    private static void pumpStdout(Process process, Path log, CompletableFuture<Matcher> ready) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.write(line + "\n");
                out.flush();
                Matcher matcher = READY.matcher(line);
                if (matcher.matches()) {
                    ready.complete(matcher);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("stdout closed without a ready line"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
