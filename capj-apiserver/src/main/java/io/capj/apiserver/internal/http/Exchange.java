package io.capj.apiserver.internal.http;

import java.io.OutputStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One HTTP exchange: answer once with a {@link Reply}, or stream (watch), or upgrade to WebSocket. */
public interface Exchange {

    void reply(Reply reply);

    /** Starts a 200 streaming body (chunked on HTTP/1.1, DATA frames on HTTP/2). */
    OutputStream startStream(String contentType);

    /** Completes a stream started with {@link #startStream}. */
    void endStream(OutputStream out, Throwable failure);

    boolean isWebSocketUpgrade();

    Request jettyRequest();

    Response jettyResponse();

    Callback jettyCallback();
}
