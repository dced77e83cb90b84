package io.capj.e2e.kubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Everything one kubectl version's scenarios share: a running {@code capj serve} over a private data
 * directory, kubectl with a private HOME, and the fixtures. Scenarios isolate themselves by namespace.
 * Logs and the kubectl transcript go to {@code target/kubectl-e2e/<version>/}; the data directory and HOME
 * are temporary and removed on close.
 */
public final class Testbed implements AutoCloseable {
    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final Kubectl kubectl;
    private final Fixtures fixtures;
    private final AtomicInteger namespaces = new AtomicInteger();
    private CapjProcess plane;
    private boolean widgetCrdInstalled;

    private Testbed(Path root, Path logDir, CapjProcess plane, KubectlBinary binary) {
        this.root = root;
        this.dataDir = root.resolve("data");
        this.logDir = logDir;
        this.plane = plane;
        this.kubectl = new Kubectl(binary, root.resolve("home"), plane.kubeconfig(),
                logDir.resolve("kubectl-transcript.log"));
        this.fixtures = new Fixtures(root.resolve("fixtures"));
    }

    /** Starts a fresh plane for {@code binary}'s scenarios, logging to {@code target/kubectl-e2e/<version>/}. */
    static Testbed start(KubectlBinary binary) {
        return start(binary, "kubectl-e2e");
    }

    /** Starts a fresh plane for {@code binary}, logging to {@code target/<suite>/<version>/}. */
    public static Testbed start(KubectlBinary binary, String suite) {
        try {
            Path root = Files.createTempDirectory("capj-" + suite + "-" + binary.version() + "-");
            Files.createDirectories(root.resolve("home"));
            Path logDir = Path.of("target", suite, binary.version()).toAbsolutePath();
            deleteRecursively(logDir);
            Files.createDirectories(logDir);
            return new Testbed(root, logDir, CapjProcess.start(root.resolve("data"), logDir), binary);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to prepare the kubectl testbed", e);
        }
    }

    public Kubectl kubectl() {
        return kubectl;
    }

    Fixtures fixtures() {
        return fixtures;
    }

    CapjProcess plane() {
        return plane;
    }

    /** Creates a new namespace with {@code kubectl apply -f} and returns its name ({@code purpose-N}). */
    public String newNamespace(String purpose) {
        String name = purpose + "-" + namespaces.incrementAndGet();
        kubectl.run("apply", "-f", fixtures.render("namespace.yaml", Map.of("namespace", name))).requireSuccess();
        return name;
    }

    /** Applies the Widget CRD unless a scenario already did. */
    void ensureWidgetCrd() {
        if (!widgetCrdInstalled) {
            applyWidgetCrd().requireSuccess();
        }
    }

    /** Applies the Widget CRD and remembers it is there. */
    KubectlResult applyWidgetCrd() {
        KubectlResult result = kubectl.run("apply", "-f", fixtures.render("widget-crd.yaml"));
        widgetCrdInstalled |= result.succeeded();
        return result;
    }

    /**
     * Stops the plane with SIGTERM and starts it again on the same data directory.
     *
     * @return the exit code of the stopped process
     */
    int restartPlane() {
        int exitCode = plane.stop();
        plane = CapjProcess.start(dataDir, logDir);
        return exitCode;
    }

    @Override
    public void close() {
        try {
            plane.close();
        } finally {
            deleteRecursively(root);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to delete " + dir, e);
        }
    }
}
