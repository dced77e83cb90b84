package io.capj.cli;

import io.capj.apiserver.ApiServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code capj serve}: runs the management plane ({@link ManagementPlane}: the API server serving the Cluster
 * API, and its controllers) until SIGTERM or SIGINT. Scripts and tests rely on its
 * output (see the runtime contract): exactly one line {@code capj ready: URL kubeconfig=PATH} on stdout
 * once the server answers, logs on stderr, exit 0 after a clean shutdown, and one
 * {@code capj serve: ...} line on stderr with exit 1 when the plane cannot start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = CapjVersion.class,
        description = "Run the management plane (API server, store and controllers) until SIGTERM or SIGINT.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    static final int DEFAULT_PORT = 6443;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = {"State directory (store, PKI, admin.kubeconfig).", "Default: $CAPJ_HOME or ~/.capj."})
    Path dataDir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = {"HTTPS port; 0 picks a free one.", "Default: ${DEFAULT-VALUE}."})
    int port;

    @Option(names = "--store", paramLabel = "URL",
            description = {"Store: sqlite://PATH or memory://.", "Default: sqlite://DIR/state.db."})
    String storeUrl;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = {"Address to listen on.", "Default: ${DEFAULT-VALUE}."})
    String host;

    @Option(names = "--workload-ports", paramLabel = "MIN-MAX", defaultValue = "20000-24000",
            description = {"Ports on 127.0.0.1 for the simulated workload clusters of in-memory DevClusters.",
                    "Default: ${DEFAULT-VALUE}."})
    String workloadPorts;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        WorkloadPorts ports = WorkloadPorts.parse(workloadPorts)
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--workload-ports must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got '" + workloadPorts + "'"));
        Path dir = DataDirectory.resolve(dataDir, System.getenv(DataDirectory.HOME_VARIABLE),
                System.getProperty("user.home"));
        String store = storeUrl != null ? storeUrl : DataDirectory.defaultStoreUrl(dir);
        TerminationSignals signals = TerminationSignals.install();

        ManagementPlane plane;
        try {
            plane = ManagementPlane.start(dir, host, port, store, ports);
        } catch (Exception e) {
            LOG.debug("startup failed", e);
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + StartupFailure.describe(e, host, port, dir, store));
            spec.commandLine().getErr().flush();
            return Capj.EXIT_FAILURE;
        }
        Runnable closeOnce = closeOnce(plane);
        // Covers exits that bypass the signal handlers (SIGHUP, -Xrs, System.exit elsewhere).
        Runtime.getRuntime().addShutdownHook(new Thread(closeOnce, "capj-shutdown"));

        PrintWriter out = spec.commandLine().getOut();
        ApiServer server = plane.server();
        out.println("capj ready: " + server.url() + " kubeconfig=" + server.adminKubeconfig().toAbsolutePath().normalize());
        out.flush();
        try {
            plane.startControllers();
        } catch (RuntimeException e) {
            LOG.debug("controllers failed to start", e);
            spec.commandLine().getErr().println(spec.qualifiedName() + ": controllers failed to start: " + e.getMessage());
            spec.commandLine().getErr().flush();
            closeOnce.run();
            return Capj.EXIT_FAILURE;
        }

        signals.await();
        LOG.info("shutting down");
        closeOnce.run();
        LOG.info("stopped");
        return Capj.EXIT_OK;
    }

    private static Runnable closeOnce(ManagementPlane plane) {
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    plane.close();
                } catch (Exception e) {
                    LOG.warn("error while shutting down error={}", e.toString());
                }
            }
        };
    }
}
