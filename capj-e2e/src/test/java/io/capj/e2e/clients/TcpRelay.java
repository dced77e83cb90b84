package io.capj.e2e.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte-level TCP relay on 127.0.0.1 in front of the API server, so a test can cut a client off the network
 * while the server keeps running. TLS passes through untouched (the server certificate names 127.0.0.1, so the
 * client verifies it as usual).
 *
 * <p>{@link #pause()} drops every relayed connection and closes each new one on arrival until
 * {@link #resume()}: the client sees its connections reset and its reconnects fail, exactly as during a
 * network partition.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new ArrayList<>();
    private boolean paused;

    private TcpRelay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    static TcpRelay start(int targetPort) throws IOException {
        TcpRelay relay = new TcpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        daemon("capj-e2e-relay-accept", relay::acceptLoop).start();
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Drops all relayed connections and refuses new ones. */
    synchronized void pause() {
        paused = true;
        closeAll();
    }

    synchronized void resume() {
        paused = false;
    }

    @Override
    public synchronized void close() throws IOException {
        listener.close();
        closeAll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                relay(listener.accept());
            } catch (IOException e) {
                // The listener was closed, or one connection failed; the loop condition decides.
            }
        }
    }

    private void relay(Socket client) throws IOException {
        Socket server;
        synchronized (this) {
            if (paused || listener.isClosed()) {
                client.close();
                return;
            }
            server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(server);
        }
        daemon("capj-e2e-relay-up", () -> pump(client, server)).start();
        daemon("capj-e2e-relay-down", () -> pump(server, client)).start();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side went away: end both directions below.
        } finally {
            quietlyClose(from);
            quietlyClose(to);
            synchronized (this) {
                open.remove(from);
                open.remove(to);
            }
        }
    }

    private void closeAll() {
        open.forEach(TcpRelay::quietlyClose);
        open.clear();
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
