package io.capj.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a shutdown request that the serving thread waits for. The JVM's own
 * handling would run shutdown hooks and then exit with 128+signal (143 for SIGTERM); the runtime contract
 * says a stopped plane exits 0, so the signals are caught here ({@code sun.misc.Signal}, a critical internal
 * API that JEP 260 keeps available in {@code jdk.unsupported}) and the serving thread closes the server and
 * returns.
 * A second signal means the operator is out of patience: the process halts at once.
 */
final class TerminationSignals {
    private static final String[] HANDLED = {"TERM", "INT"};

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();

    /** Installs the handlers; a signal the JVM reserves (e.g. under {@code -Xrs}) keeps its default action. */
    static TerminationSignals install() {
        TerminationSignals signals = new TerminationSignals();
        for (String name : HANDLED) {
            try {
                Signal.handle(new Signal(name), signals::onSignal);
            } catch (IllegalArgumentException unavailable) {
                // The default action still ends the process, and the shutdown hook still closes the server.
            }
        }
        return signals;
    }

    private void onSignal(Signal signal) {
        if (received.incrementAndGet() > 1) {
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        requested.countDown();
    }

    /** True once a signal has asked for shutdown. */
    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Blocks until a signal asks for shutdown. */
    void await() throws InterruptedException {
        requested.await();
    }
}
