package io.capj.apiserver.internal.handlers;

import java.io.IOException;

/** Where a watch writes its events: a chunked HTTP body (one JSON line each) or WebSocket text frames. */
public interface WatchSink {

    /** Writes one event document (without trailing newline; the sink adds framing) but does not flush. */
    void send(byte[] eventJson) throws IOException;

    /** Pushes buffered events to the client. */
    void flush() throws IOException;

    /** False once the client has gone; an idle watch checks this to end early. */
    default boolean isOpen() {
        return true;
    }
}
