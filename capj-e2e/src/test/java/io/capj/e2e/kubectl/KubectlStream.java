package io.capj.e2e.kubectl;

import io.capj.testkit.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A kubectl process that keeps running (for example {@code get -w}); a daemon thread collects its standard
 * output line by line so the test can wait for a line to appear. Closing it stops the process by its PID.
 */
final class KubectlStream implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Path stderr;
    private final Consumer<String> transcript;
    private final List<String> lines = new ArrayList<>();

    KubectlStream(List<String> command, Process process, Path stderr, Consumer<String> transcript) {
        this.command = command;
        this.process = process;
        this.stderr = stderr;
        this.transcript = transcript;
        Thread reader = new Thread(this::collect, "kubectl-stream-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until some output line matches, and returns it; fails with everything seen so far. */
    String awaitLine(Predicate<String> match, Duration timeout, String describe) {
        try {
            return Await.until(timeout, () -> lines().stream().filter(match).findFirst(), Optional::isPresent,
                    describe).orElseThrow();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nkubectl " + String.join(" ", command)
                    + (process.isAlive() ? " (running)" : " (exited " + process.exitValue() + ")")
                    + "\n--- stdout so far ---\n" + String.join("\n", lines())
                    + "\n--- stderr ---\n" + stderr(), e);
        }
    }

    /** Every line seen so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Stops kubectl (SIGTERM to its PID), waits for it to exit and records its output in the transcript. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            transcript.accept("[background pid " + process.pid() + " stopped; it printed:]\n"
                    + String.join("\n", lines()) + "\n" + stderr() + "\n");
        }
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (this) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the stream closes when the process is stopped
        }
    }

    private String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
