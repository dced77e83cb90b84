package io.capj.testkit;

import io.capj.apiserver.ApiServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A running embedded management plane as a test sees it: its URL, its cluster-admin kubeconfig, a fabric8
 * client built from that kubeconfig, and {@link #restart()} to prove durability. Owned by
 * {@link CapjServerExtension}, which closes it after the test class; tests never close it themselves.
 */
public final class CapjServerHandle implements AutoCloseable {
    private final Path dataDir;
    private final CapjServer.Store store;
    private ApiServer server;
    private KubernetesClient client;

    private CapjServerHandle(Path dataDir, CapjServer.Store store) {
        this.dataDir = dataDir;
        this.store = store;
    }

    /** Starts a server on a free port over {@code dataDir}, which the handle deletes when closed. */
    static CapjServerHandle start(Path dataDir, CapjServer.Store store) {
        CapjServerHandle handle = new CapjServerHandle(dataDir, store);
        try {
            handle.open(0);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
        return handle;
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String url() {
        return running().url();
    }

    public int port() {
        return running().port();
    }

    /** The cluster-admin kubeconfig the server wrote; usable with {@code kubectl --kubeconfig}. */
    public Path kubeconfig() {
        return running().adminKubeconfig();
    }

    /** The server's private data directory (store, PKI, kubeconfig). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * A ready fabric8 client (JDK HTTP client) authenticated as cluster-admin. A {@link #restart()} replaces
     * it, so fetch it again afterwards instead of keeping the old reference.
     */
    public KubernetesClient client() {
        running();
        return client;
    }

    /**
     * Stops the server and starts it again on the same data directory and port, as an operator restarting
     * {@code capj serve} would. Only meaningful with {@link CapjServer.Store#SQLITE}.
     *
     * @throws IllegalStateException with the memory store, which would lose every object
     */
    public void restart() {
        if (store != CapjServer.Store.SQLITE) {
            throw new IllegalStateException(
                    "restart() needs @CapjServer(store = SQLITE): the memory store loses everything on restart");
        }
        int port = running().port();
        stopServer();
        open(port);
    }

    /** Stops the server and client and deletes the data directory. */
    @Override
    public void close() {
        try {
            stopServer();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private void open(int port) {
        server = ApiServer.builder().dataDir(dataDir).port(port).storeUrl(storeUrl()).build().start();
        client = newClient(server.adminKubeconfig());
    }

    private String storeUrl() {
        return switch (store) {
            case MEMORY -> "memory://";
            case SQLITE -> "sqlite://" + dataDir.resolve("state.db");
        };
    }

    private ApiServer running() {
        if (server == null) {
            throw new IllegalStateException("the capj test server is not running");
        }
        return server;
    }

    private void stopServer() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            client = null;
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    private static KubernetesClient newClient(Path kubeconfig) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            return new KubernetesClientBuilder()
                    .withConfig(config)
                    .withHttpClientFactory(new JdkHttpClientFactory())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the admin kubeconfig " + kubeconfig, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to delete the test server's data directory " + root, e);
        }
    }
}
