package io.capj.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.admission.AdmissionHooks;
import io.capj.apiserver.internal.ServerAssembly;
import io.capj.certs.CertifiedKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Kubernetes-compatible management API server: HTTPS (HTTP/2 and HTTP/1.1) on one port, a durable
 * store, built-in kinds and CustomResourceDefinitions, and the server's own controllers (garbage
 * collection, namespace lifecycle, CRD cleanup, event expiry).
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.builder().dataDir(dir).port(0).build().start()) {
 *     server.url();             // https://127.0.0.1:PORT
 *     server.adminKubeconfig(); // dir/admin.kubeconfig
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
    private final Builder settings;
    private ServerAssembly assembly;

    private ApiServer(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns once the server is ready and {@code admin.kubeconfig} is written. */
    public ApiServer start() {
        assembly = ServerAssembly.start(settings.dataDir, settings.host, settings.port,
                settings.storeUrl == null ? "sqlite://" + settings.dataDir.resolve("state.db") : settings.storeUrl,
                settings.hooks, settings.crds, settings.certificateAuthority);
        return this;
    }

    /** {@code https://HOST:PORT}, with the port actually bound. */
    public String url() {
        return "https://" + settings.host + ":" + port();
    }

    public int port() {
        return assembly.port();
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    /** The cluster-admin kubeconfig written on readiness. */
    public Path adminKubeconfig() {
        return settings.dataDir.resolve("admin.kubeconfig");
    }

    /** Adds {@code source}'s Prometheus text to every scrape of this server's {@code /metrics}. */
    public void addMetricsSource(Supplier<String> source) {
        if (assembly == null) {
            throw new IllegalStateException("the server is not running");
        }
        assembly.metrics().addSource(source);
    }

    /** The server's internals, for in-process tests and benchmarks that need the store or CA. */
    public ServerAssembly internals() {
        return assembly;
    }

    /** Stops serving and closes the store; acknowledged writes are durable. */
    @Override
    public void close() {
        if (assembly != null) {
            assembly.close();
            assembly = null;
        }
    }

    /** Settings of a server; data directory is required. */
    public static final class Builder {
        private Path dataDir;
        private String host = "127.0.0.1";
        private int port = 6443;
        private String storeUrl;
        private AdmissionHooks hooks = AdmissionHooks.NONE;
        private List<ObjectNode> crds = List.of();
        private CertifiedKey certificateAuthority;

        /**
         * Serve with this CA instead of the one kept (or generated) in {@code DATA_DIR/pki}: the serving and
         * admin certificates are issued by it, and only client certificates it signed are accepted.
         */
        public Builder certificateAuthority(CertifiedKey ca) {
            this.certificateAuthority = Objects.requireNonNull(ca);
            return this;
        }

        /** In-process defaulting and validation for custom resource kinds (our webhooks). */
        public Builder admissionHooks(AdmissionHooks hooks) {
            this.hooks = Objects.requireNonNull(hooks);
            return this;
        }

        /**
         * CustomResourceDefinitions (apiextensions.k8s.io/v1 JSON) installed before the server takes requests:
         * created when absent, brought up to date when the stored one differs, so an upgrade applies.
         */
        public Builder customResourceDefinitions(List<ObjectNode> definitions) {
            this.crds = definitions.stream().map(ObjectNode::deepCopy).toList();
            return this;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code memory://} or {@code sqlite://PATH}; default {@code sqlite://DATA_DIR/state.db}. */
        public Builder storeUrl(String url) {
            this.storeUrl = url;
            return this;
        }

        public ApiServer build() {
            Objects.requireNonNull(dataDir, "dataDir is required");
            return new ApiServer(this);
        }
    }
}
