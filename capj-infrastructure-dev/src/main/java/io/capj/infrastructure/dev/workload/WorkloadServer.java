package io.capj.infrastructure.dev.workload;

import io.capj.apiserver.ApiServer;
import io.capj.certs.CertifiedKey;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running workload API server: our own API server on the memory store, listening on 127.0.0.1 at the
 * DevCluster's endpoint port and serving with the cluster CA, plus a cluster-admin client for it built from the
 * {@code admin.kubeconfig} the server writes into its data directory. Its state lives only in memory, so a
 * restarted server is empty until the reconcilers write their objects again.
 */
public final class WorkloadServer implements AutoCloseable {
    private final ApiServer server;
    private final KubernetesClient client;

    private WorkloadServer(ApiServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts a server in {@code dataDir} on {@code port}, serving with {@code ca}; returns once it is ready. */
    static WorkloadServer start(Path dataDir, int port, CertifiedKey ca) {
        ApiServer server = ApiServer.builder().dataDir(dataDir).host("127.0.0.1").port(port).storeUrl("memory://")
                .certificateAuthority(ca).build().start();
        try {
            String kubeconfig = Files.readString(server.adminKubeconfig());
            KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                    .withHttpClientFactory(new JdkHttpClientFactory()).build();
            return new WorkloadServer(server, client);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("failed to read " + server.adminKubeconfig(), e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A cluster-admin client of this workload cluster. */
    public KubernetesClient client() {
        return client;
    }

    public int port() {
        return server.port();
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String url() {
        return server.url();
    }

    /** The cluster-admin kubeconfig the server wrote (client certificate issued by the cluster CA). */
    public Path adminKubeconfig() {
        return server.adminKubeconfig();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
