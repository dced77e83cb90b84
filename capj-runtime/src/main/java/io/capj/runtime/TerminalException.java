package io.capj.runtime;

/**
 * A reconcile failure that retrying cannot fix (invalid user input, a missing contract field): it is counted
 * and logged, and the key is forgotten until the next event instead of being retried with backoff.
 */
public class TerminalException extends Exception {
    private static final long serialVersionUID = 1L;

    public TerminalException(String message) {
        super(message);
    }

    public TerminalException(String message, Throwable cause) {
        super(message, cause);
    }
}
