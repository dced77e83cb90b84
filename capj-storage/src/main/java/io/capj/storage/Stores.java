package io.capj.storage;

import io.capj.storage.internal.EphemeralJournal;
import io.capj.storage.internal.Journal;
import io.capj.storage.internal.MvccStore;
import io.capj.storage.internal.StoreUrl;
import io.capj.storage.sqlite.SqliteJournal;

/**
 * Opens a {@link Store} from a URL: {@code memory://} or {@code sqlite://PATH} (PATH relative, as in
 * {@code sqlite://data/state.db}, or absolute, as in {@code sqlite:///var/lib/capj/state.db}).
 * Backends are chosen here and nowhere else.
 *
 * <p>Both accept query parameters for automatic compaction: {@code retain=N} keeps at least the N latest
 * revisions of history (default 10000) and {@code compactIntervalSeconds=S} sets how often compaction runs
 * (default 60; 0 disables it), for example {@code sqlite://state.db?retain=50000&compactIntervalSeconds=30}.
 */
public final class Stores {
    private Stores() {
    }

    /**
     * Opens the store named by {@code url}; a SQLite store's file and parent directories are created if
     * missing, and an existing file's history is loaded.
     *
     * @throws IllegalArgumentException if the URL has an unknown scheme, a missing path or a bad parameter;
     *                                  the message names the URL and the accepted forms
     * @throws StoreException           if the SQLite file cannot be opened or read
     */
    public static Store open(String url) {
        StoreUrl parsed = StoreUrl.parse(url);
        Journal journal = parsed.isMemory() ? new EphemeralJournal() : SqliteJournal.open(parsed.sqliteFile());
        try {
            return new MvccStore(url, journal, parsed.options());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }
}
