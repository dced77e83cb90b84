package io.capj.e2e.clients;

import io.capj.apiserver.ApiServer;
import io.capj.storage.Store;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real in-process API server (memory store, random port, private data directory) plus the fabric8
 * clients a test opened against it. Closing it closes the clients first and the server last, because Jetty's
 * graceful stop waits for clients' idle connections.
 */
final class EmbeddedPlane implements AutoCloseable {
    private final ApiServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private EmbeddedPlane(ApiServer server) {
        this.server = server;
    }

    static EmbeddedPlane start(Path dataDir) {
        return new EmbeddedPlane(ApiServer.builder().dataDir(dataDir).port(0).storeUrl("memory://").build().start());
    }

    Path kubeconfig() {
        return server.adminKubeconfig();
    }

    int port() {
        return server.port();
    }

    /** The server's store, for tests that must move history out from under a client (compaction). */
    Store store() {
        return server.internals().store();
    }

    /** A fabric8 client configured only from the admin kubeconfig, as a user's program would be. */
    KubernetesClient fabric8() {
        return fabric8(config -> { });
    }

    /** A fabric8 client from the admin kubeconfig with {@code adjust} applied to its configuration. */
    KubernetesClient fabric8(Consumer<Config> adjust) {
        Config config = Config.fromKubeconfig(kubeconfig().toFile());
        adjust.accept(config);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        clients.add(client);
        return client;
    }

    /** Registers something that holds connections to the server, so it is closed before the server. */
    <T extends AutoCloseable> T closeBeforeServer(T closeable) {
        clients.add(closeable);
        return closeable;
    }

    /** Creates a namespace with a unique name starting with {@code prefix} and returns its name. */
    static String createNamespace(KubernetesClient client, String prefix) {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withGenerateName(prefix + "-").endMetadata().build();
        return client.namespaces().resource(ns).create().getMetadata().getName();
    }

    @Override
    public void close() {
        for (int i = clients.size() - 1; i >= 0; i--) {
            try {
                clients.get(i).close();
            } catch (Exception e) {
                // Keep closing: a client that fails to close must not leave the server running.
            }
        }
        clients.clear();
        server.close();
    }
}
