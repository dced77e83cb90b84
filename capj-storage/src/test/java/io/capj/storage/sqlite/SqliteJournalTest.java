package io.capj.storage.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.storage.Store;
import io.capj.storage.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lands in the SQLite file: the settings durability relies on, and compaction's effect on disk. */
class SqliteJournalTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseIsOpenedDurably() throws Exception {
        try (Connection connection = SqliteDatabase.open(dir.resolve("a/b/pragmas.db"));
             Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(statement, "locking_mode")).isEqualTo("exclusive");
        }
    }

    @Test
    void compactionDeletesSupersededRowsAndTombstonesAndRecordsTheRevision() throws Exception {
        Path file = dir.resolve("compact.db");
        try (Store store = Stores.open("sqlite://" + file + "?compactIntervalSeconds=0")) {
            long a1 = store.create("/a", bytes("1"));               // superseded by a2: deleted
            long a2 = store.update("/a", a1, bytes("2"));           // newest at the compacted revision: kept
            long b1 = store.create("/b", bytes("1"));               // deleted by b2: deleted
            long b2 = store.delete("/b", b1);                       // tombstone at the compacted revision: deleted
            long c1 = store.create("/c", bytes("1"));               // superseded after the compacted revision: kept
            store.compact(b2);
            store.update("/c", c1, bytes("2"));                     // above the compacted revision: kept
            assertThat(List.of(a1, a2, b1, b2, c1)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(longs(statement, "SELECT revision FROM kv_log ORDER BY revision")).containsExactly(2L, 5L, 6L);
            assertThat(longs(statement, "SELECT value FROM kv_meta WHERE name = 'compacted_revision'"))
                    .containsExactly(4L);
        }
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1).toLowerCase();
        }
    }

    private static List<Long> longs(Statement statement, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
