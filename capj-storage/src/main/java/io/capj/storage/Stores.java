package io.capj.storage;

/**
 * Opens a {@link Store} from a URL: {@code memory://} or {@code sqlite://PATH} (PATH absolute or relative).
 * Backends are chosen here and nowhere else.
 */
public final class Stores {
    private Stores() {
    }

    /** Opens the store named by {@code url}; unknown schemes fail with an {@link IllegalArgumentException} naming the URL. */
    public static Store open(String url) {
        throw new UnsupportedOperationException("not yet implemented: " + url);
    }
}
