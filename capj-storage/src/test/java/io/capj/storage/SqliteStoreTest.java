package io.capj.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite against {@code sqlite://}, in a database whose parent directories do not exist yet,
 * plus what only a file-backed store has.
 */
class SqliteStoreTest extends StoreConformanceTest {
    @TempDir
    Path dir;

    private String url() {
        return "sqlite://" + dir.toAbsolutePath().resolve("not/yet/there/state.db") + "?compactIntervalSeconds=0";
    }

    @Override
    protected Store openStore() {
        return Stores.open(url());
    }

    @Override
    protected Store reopenStore() {
        return Stores.open(url());
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefusedWhileTheFirstIsOpen() {
        store.create("/k", bytes("v"));
        assertThatThrownBy(() -> Stores.open(url()).close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("state.db");
    }
}
