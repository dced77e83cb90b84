package io.capj.e2e.kubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one kubectl binary against one plane as a user would, but hermetically: a private {@code HOME} (so
 * the discovery cache starts cold and is not shared across versions), an explicit {@code --kubeconfig},
 * and no inherited {@code KUBECONFIG}. Every invocation is appended to a transcript file for debugging.
 */
public final class Kubectl {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final KubectlBinary binary;
    private final Path home;
    private final Path kubeconfig;
    private final Path transcript;
    private final AtomicInteger invocations = new AtomicInteger();

    Kubectl(KubectlBinary binary, Path home, Path kubeconfig, Path transcript) {
        this.binary = binary;
        this.home = home;
        this.kubeconfig = kubeconfig;
        this.transcript = transcript;
    }

    KubectlBinary binary() {
        return binary;
    }

    /** Runs {@code kubectl ARGS} to completion (at most a minute) and returns what it did. */
    public KubectlResult run(String... args) {
        int id = invocations.incrementAndGet();
        Path stdout = home.resolve("run-" + id + ".stdout");
        Path stderr = home.resolve("run-" + id + ".stderr");
        Process process = start(List.of(args), ProcessBuilder.Redirect.to(stdout.toFile()), stderr);
        try {
            if (!process.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish within "
                        + DEFAULT_TIMEOUT.toSeconds() + " s; stderr: " + readAndDelete(stderr));
            }
            KubectlResult result = new KubectlResult(List.of(args), process.exitValue(),
                    readAndDelete(stdout), readAndDelete(stderr));
            record(result);
            return result;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running kubectl " + String.join(" ", args), e);
        }
    }

    /** Starts a long-running {@code kubectl ARGS} (such as {@code get -w}) whose output lines are collected. */
    KubectlStream stream(String... args) {
        int id = invocations.incrementAndGet();
        Path stderr = home.resolve("stream-" + id + ".stderr");
        Process process = start(List.of(args), ProcessBuilder.Redirect.PIPE, stderr);
        appendToTranscript("$ kubectl " + String.join(" ", args) + "   (background, pid " + process.pid() + ")\n");
        return new KubectlStream(List.of(args), process, stderr, this::appendToTranscript);
    }

    private Process start(List<String> args, ProcessBuilder.Redirect stdout, Path stderr) {
        List<String> command = new ArrayList<>();
        command.add(binary.path().toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout)
                .redirectError(stderr.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to start " + binary, e);
        }
    }

    private void record(KubectlResult result) {
        appendToTranscript("$ kubectl " + String.join(" ", result.command()) + "\n" + terminated(result.stdout())
                + (result.stderr().isEmpty() ? "" : "[stderr] " + terminated(result.stderr()))
                + "[exit " + result.exitCode() + "]\n\n");
    }

    private static String terminated(String output) {
        return output.isEmpty() || output.endsWith("\n") ? output : output + "\n";
    }

    private void appendToTranscript(String text) {
        try {
            Files.writeString(transcript, text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write the kubectl transcript " + transcript, e);
        }
    }

    private static String readAndDelete(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read kubectl output " + file, e);
        }
    }
}
