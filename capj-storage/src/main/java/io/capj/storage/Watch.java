package io.capj.storage;

/**
 * A running watch; closing it stops delivery. After {@code close} returns the listener gets at most the one call
 * that was already under way on a store thread; {@code onClosed} is not called for a watch closed this way.
 */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
