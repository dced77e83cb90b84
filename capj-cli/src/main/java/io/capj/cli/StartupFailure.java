package io.capj.cli;

import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns whatever the server threw while starting into the one line an operator needs: what could not be
 * done, to which address, directory or URL, and why. The cause chain is searched because the server may
 * wrap the original failure (Jetty wraps {@link BindException}, the store wraps its URL error).
 */
final class StartupFailure {
    private StartupFailure() {
    }

    /** The message for {@code failure}, without the {@code capj serve: } prefix. */
    static String describe(Throwable failure, String host, int port, Path dataDir, String storeUrl) {
        String listen = "cannot listen on " + hostPort(host, port) + ": ";
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return listen + bindReason(bind);
            }
            if (cause instanceof UnknownHostException) {
                return listen + "unknown host " + host;
            }
            if (cause instanceof AccessDeniedException denied) {
                return "cannot write data directory " + dataDir + ": permission denied (" + denied.getFile() + ")";
            }
            if (cause instanceof FileSystemException fs) {
                String reason = fs.getReason() == null ? fs.getClass().getSimpleName() : lowerFirst(fs.getReason());
                return "cannot use data directory " + dataDir + ": " + reason + " (" + fs.getFile() + ")";
            }
            if (cause instanceof IllegalArgumentException && mentions(cause, storeUrl)) {
                // The store's own message usually says "invalid store URL 'x': why" already.
                return cause.getMessage().startsWith("invalid ")
                        ? cause.getMessage() : "invalid --store URL " + storeUrl + ": " + cause.getMessage();
            }
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private static String bindReason(BindException bind) {
        String message = bind.getMessage() == null ? "" : bind.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("in use")) {
            return "address already in use";
        }
        if (message.contains("permission denied")) {
            return "permission denied";
        }
        if (message.contains("assign requested address")) {
            return "address not available on this host";
        }
        return message.isEmpty() ? "bind failed" : message;
    }

    private static boolean mentions(Throwable cause, String text) {
        return text != null && cause.getMessage() != null && cause.getMessage().contains(text);
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
