package io.capj.infrastructure.dev.workload;

import io.capj.certs.CertifiedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of workload API servers, one per DevCluster: hands out endpoint ports from the configured range,
 * starts a cluster's server on first use (and again on the same port after a process restart), and stops it
 * when the DevCluster goes away or the provider closes. Data directories live under {@code dataRoot/NAMESPACE/
 * CLUSTER}. Methods are synchronized: starting a server is rare and must happen once per cluster even when
 * several DevMachines of it are reconciled at the same time.
 */
public final class WorkloadServers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadServers.class);

    /** Where servers listen and keep their files. */
    public record Settings(int minPort, int maxPort, Path dataRoot) {
        public Settings {
            Objects.requireNonNull(dataRoot, "dataRoot");
            if (minPort < 1 || maxPort > 65535 || minPort > maxPort) {
                throw new IllegalArgumentException("invalid port range " + minPort + "-" + maxPort);
            }
        }
    }

    /** A workload cluster's identity: its Cluster's namespace and name. */
    public record ClusterKey(String namespace, String name) {
        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    private final Settings settings;
    private final Map<ClusterKey, WorkloadServer> running = new HashMap<>();
    private final Map<ClusterKey, Integer> ports = new HashMap<>();

    public WorkloadServers(Settings settings) {
        this.settings = settings;
    }

    /**
     * The port of {@code cluster}'s endpoint: the one already reserved for it, else the lowest port of the range
     * that no other cluster uses ({@code usedElsewhere}: ports in other DevClusters' endpoints, as read from the
     * cache, which may lag behind; reservations made here cover that lag) and that can be bound now.
     *
     * @throws IllegalStateException when the range is exhausted
     */
    public synchronized int reservePort(ClusterKey cluster, Set<Integer> usedElsewhere) {
        Integer reserved = ports.get(cluster);
        if (reserved != null) {
            return reserved;
        }
        for (int port = settings.minPort(); port <= settings.maxPort(); port++) {
            if (!usedElsewhere.contains(port) && !ports.containsValue(port) && bindable(port)) {
                ports.put(cluster, port);
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + settings.minPort() + "-" + settings.maxPort()
                + " for the workload cluster of Cluster " + cluster);
    }

    /** Records that {@code cluster}'s endpoint already uses {@code port} (set by a user or an earlier process). */
    public synchronized void keepPort(ClusterKey cluster, int port) {
        ports.put(cluster, port);
    }

    /**
     * The running server of {@code cluster}, started on {@code port} with {@code ca} if it is not running (or
     * runs on another port, after the endpoint changed).
     */
    public synchronized WorkloadServer ensureStarted(ClusterKey cluster, int port, CertifiedKey ca) {
        WorkloadServer server = running.get(cluster);
        if (server != null && server.port() == port) {
            return server;
        }
        if (server != null) {
            server.close();
            running.remove(cluster);
        }
        Path dataDir = dataDir(cluster);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to create " + dataDir, e);
        }
        WorkloadServer started = WorkloadServer.start(dataDir, port, ca);
        running.put(cluster, started);
        ports.put(cluster, port);
        LOG.info("workload cluster server started Cluster={} url={}", cluster, started.url());
        return started;
    }

    /** The running server of {@code cluster}, if any. */
    public synchronized Optional<WorkloadServer> get(ClusterKey cluster) {
        return Optional.ofNullable(running.get(cluster));
    }

    /** Stops {@code cluster}'s server, forgets its port and deletes its data directory. */
    public synchronized void stop(ClusterKey cluster) {
        WorkloadServer server = running.remove(cluster);
        ports.remove(cluster);
        if (server != null) {
            server.close();
            LOG.info("workload cluster server stopped Cluster={}", cluster);
        }
        deleteTree(dataDir(cluster));
    }

    /** Stops every server; data directories are kept, as a process exit would leave them. */
    @Override
    public synchronized void close() {
        List<WorkloadServer> servers = new ArrayList<>(running.values());
        running.clear();
        ports.clear();
        servers.forEach(WorkloadServer::close);
    }

    private Path dataDir(ClusterKey cluster) {
        return settings.dataRoot().resolve(cluster.namespace()).resolve(cluster.name());
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
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
