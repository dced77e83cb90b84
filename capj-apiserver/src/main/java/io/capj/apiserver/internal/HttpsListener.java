package io.capj.apiserver.internal;

import io.capj.apiserver.security.Pki;
import io.capj.apiserver.security.TlsSettings;
import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The HTTPS port: TLS with ALPN choosing HTTP/2 or HTTP/1.1, client certificates requested but not
 * required (bearer-token clients have none), and WebSocket upgrades for fabric8's watches.
 */
public final class HttpsListener implements AutoCloseable {
    /** Watches hold a thread each; upstream's default in-flight limits are 400 + 200. */
    private static final int MAX_THREADS = 1000;
    /** Watches may be quiet for a long time; their own timeouts end them. */
    private static final long IDLE_TIMEOUT_MILLIS = 2 * 60 * 60 * 1000L;

    private final Server server;
    private final ServerConnector connector;
    private final ServerWebSocketContainer webSockets;

    private HttpsListener(String host, int port, Pki pki) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("capj-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);
        http.setSendServerVersion(false);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
        h2.setStreamIdleTimeout(IDLE_TIMEOUT_MILLIS);
        h2.setMaxConcurrentStreams(1000);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(h1.getProtocol());
        SslConnectionFactory tls = new SslConnectionFactory(TlsSettings.serverSslContextFactory(pki), alpn.getProtocol());
        connector = new ServerConnector(server, tls, alpn, h2, h1);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);
        webSockets = ServerWebSocketContainer.ensure(server);
        webSockets.setMaxTextMessageSize(16 * 1024 * 1024);
        server.setStopTimeout(2000);
    }

    /** Creates the listener (not yet bound), so its WebSocket container can be wired into handlers. */
    public static HttpsListener create(String host, int port, Pki pki) {
        return new HttpsListener(host, port, pki);
    }

    public ServerWebSocketContainer webSockets() {
        return webSockets;
    }

    /** Binds and starts serving {@code handler}. */
    public void start(Handler handler) {
        server.setHandler(handler);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IllegalStateException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                        + ": address already in use", e);
            }
            throw new IllegalStateException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("cannot start the HTTPS listener: " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing; the original error is what matters
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
