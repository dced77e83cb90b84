package io.capj.infrastructure.dev;

import io.capj.infrastructure.dev.cluster.DevClusterController;
import io.capj.infrastructure.dev.machine.DevMachineController;
import io.capj.infrastructure.dev.workload.WorkloadServer;
import io.capj.infrastructure.dev.workload.WorkloadServers;
import io.capj.infrastructure.dev.workload.WorkloadServers.ClusterKey;
import io.capj.runtime.Manager;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The Dev infrastructure provider: registers the DevCluster and DevMachine controllers of the inMemory backend
 * on a {@link Manager} and owns the workload API servers they start. Closing it stops every workload server
 * (their data directories stay, as after a process exit); a new provider on the same data root restarts each
 * server on the port recorded in its DevCluster's endpoint when a machine next needs it.
 *
 * <pre>{@code
 * DevProvider dev = new DevProvider(DevProvider.Settings.defaults(dataRoot));
 * dev.register(manager);   // before manager.start()
 * ...
 * dev.close();
 * }</pre>
 */
public final class DevProvider implements AutoCloseable {
    public static final int DEFAULT_MIN_PORT = 20000;
    public static final int DEFAULT_MAX_PORT = 24000;

    /**
     * Where workload servers listen (ports {@code minPort..maxPort} on 127.0.0.1) and keep their files
     * ({@code dataRoot/NAMESPACE/CLUSTER}).
     */
    public record Settings(int minPort, int maxPort, Path dataRoot) {
        public Settings {
            Objects.requireNonNull(dataRoot, "dataRoot");
        }

        /** Upstream's port range 20000–24000 under {@code dataRoot}. */
        public static Settings defaults(Path dataRoot) {
            return new Settings(DEFAULT_MIN_PORT, DEFAULT_MAX_PORT, dataRoot);
        }
    }

    private final WorkloadServers servers;

    public DevProvider(Settings settings) {
        this.servers = new WorkloadServers(new WorkloadServers.Settings(settings.minPort(), settings.maxPort(),
                settings.dataRoot()));
    }

    /** Adds the DevCluster and DevMachine controllers; call before {@link Manager#start()}. */
    public void register(Manager manager) {
        DevClusterController.register(manager, servers);
        DevMachineController.register(manager, servers);
    }

    /** The running workload server of Cluster {@code namespace/clusterName}, if started. */
    public Optional<WorkloadServer> server(String namespace, String clusterName) {
        return servers.get(new ClusterKey(namespace, clusterName));
    }

    /** Stops every workload server. */
    @Override
    public void close() {
        servers.close();
    }
}
