package io.capj.apiserver.internal.http;

import io.capj.apiserver.internal.handlers.WatchHandler;
import io.capj.apiserver.internal.handlers.WatchSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch served over WebSocket, as fabric8 (and so Java Operator SDK) asks for: one text frame per
 * event, client frames ignored, a normal close frame when the watch times out. Public because Jetty
 * invokes the listener's methods through method handles.
 */
public final class WebSocketWatch implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketWatch.class);

    private final WatchHandler.Plan plan;
    private final ExecutorService streams;
    private volatile Session session;

    WebSocketWatch(WatchHandler.Plan plan, ExecutorService streams) {
        this.plan = plan;
        this.streams = streams;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        streams.execute(this::stream);
    }

    /** A client leaving abruptly is the normal end of a watch, not a server problem. */
    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("websocket watch closed by error: {}", cause.toString());
    }

    private void stream() {
        try {
            plan.stream(new FrameSink());
            session.close(StatusCode.NORMAL, "watch ended", Callback.NOOP);
        } catch (IOException e) {
            LOG.debug("websocket watch ended: {}", e.toString());
            session.close(StatusCode.NORMAL, null, Callback.NOOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close(StatusCode.SHUTDOWN, "server stopping", Callback.NOOP);
        } catch (RuntimeException e) {
            LOG.warn("websocket watch failed", e);
            session.close(StatusCode.SERVER_ERROR, "internal error", Callback.NOOP);
        }
    }

    private final class FrameSink implements WatchSink {
        @Override
        public void send(byte[] eventJson) throws IOException {
            Callback.Completable sent = new Callback.Completable();
            session.sendText(new String(eventJson, StandardCharsets.UTF_8), sent);
            try {
                sent.get();
            } catch (ExecutionException e) {
                throw new IOException("websocket send failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void flush() {
            // every frame is sent as it is written
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }
    }
}
