package io.capj.cli;

import io.capj.api.CapiCrds;
import io.capj.api.CapiWebhooks;
import io.capj.apiserver.ApiServer;
import io.capj.bootstrap.kubeadm.KubeadmConfigController;
import io.capj.controlplane.kubeadm.controller.KubeadmControlPlaneController;
import io.capj.core.CoreControllers;
import io.capj.core.CoreKinds;
import io.capj.infrastructure.dev.DevProvider;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code capj serve} runs: the API server with the Cluster API served from the first request on (every
 * CRD of {@link CapiCrds#all()} installed or brought up to date, and {@link CapiWebhooks#all()} as its
 * webhooks), then the controllers: Cluster API core, the kubeadm bootstrap and control-plane providers,
 * and the Dev provider's inMemory backend (whose workload clusters live under
 * {@code DATA_DIR/workload-clusters}). Closing it stops the controllers, then the workload clusters, then the
 * server.
 */
final class ManagementPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementPlane.class);
    /** Where the in-memory provider keeps its workload clusters' files, under the data directory. */
    static final String WORKLOAD_CLUSTERS_DIRECTORY = "workload-clusters";

    private final ApiServer server;
    private final DevProvider dev;
    private KubernetesClient client;
    private Manager manager;
    private RemoteClusters remotes;

    private ManagementPlane(ApiServer server, DevProvider dev) {
        this.server = server;
        this.dev = dev;
    }

    /**
     * Starts the server; the Cluster API is served from its first request. Controllers start with
     * {@link #startControllers()}, so the server can announce itself first.
     */
    static ManagementPlane start(Path dataDir, String host, int port, String storeUrl, WorkloadPorts workloadPorts) {
        ApiServer server = ApiServer.builder().dataDir(dataDir).host(host).port(port).storeUrl(storeUrl)
                .customResourceDefinitions(CapiCrds.all())
                .admissionHooks(CapiWebhooks.all())
                .build().start();
        return new ManagementPlane(server, new DevProvider(new DevProvider.Settings(workloadPorts.min(),
                workloadPorts.max(), dataDir.resolve(WORKLOAD_CLUSTERS_DIRECTORY))));
    }

    /**
     * Starts the Cluster API core controllers against the running server, as its admin over loopback HTTPS
     * (the same path any client takes, so watches, admission and metrics see controllers like users).
     * Returns once their caches have listed.
     */
    void startControllers() {
        long started = System.nanoTime();
        client = adminClient(server.adminKubeconfig());
        manager = Manager.builder(client).retryRateLimit(500, 1000).build();
        remotes = RemoteClusters.forManager(manager, CoreKinds.CLUSTER);
        CoreControllers.register(manager, remotes);
        KubeadmConfigController.register(manager, remotes);
        KubeadmControlPlaneController.register(manager, remotes);
        dev.register(manager);
        server.addMetricsSource(manager.metrics()::render);
        manager.start();
        LOG.info("controllers started millis={}", (System.nanoTime() - started) / 1_000_000);
    }

    private static KubernetesClient adminClient(Path kubeconfig) {
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                    .withHttpClientFactory(new JdkHttpClientFactory()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the admin kubeconfig " + kubeconfig, e);
        }
    }

    /** The running API server (its URL and admin kubeconfig). */
    ApiServer server() {
        return server;
    }

    /** Stops the controllers, then the server; acknowledged writes are durable. */
    @Override
    public void close() {
        if (manager != null) {
            manager.close();
            remotes.close();
        }
        dev.close();
        if (client != null) {
            client.close();
        }
        server.close();
    }
}
