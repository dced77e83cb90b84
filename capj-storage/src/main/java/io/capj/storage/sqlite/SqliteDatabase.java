package io.capj.storage.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Opens the SQLite database file of a store with the settings durability depends on, and owns its schema.
 *
 * <p>Settings: WAL journal (readers never block the writer, commits append to one file), {@code
 * synchronous=FULL} (a commit is fsynced before it returns: acknowledged means durable, which kine's
 * {@code NORMAL} does not give), and exclusive locking (a second process opening the same store fails
 * instead of interleaving revisions with ours).
 *
 * <p>Schema: {@code kv_log} is an append-only log of writes like kine's, whose {@code revision} is the
 * global revision; {@code kv_meta} holds the schema version and the compacted revision. The log has no
 * secondary index: it is only scanned in revision order at startup and deleted from by primary key.
 */
final class SqliteDatabase {
    static final String COMPACTED_REVISION = "compacted_revision";
    private static final String SCHEMA_VERSION = "schema_version";
    private static final int CURRENT_SCHEMA_VERSION = 1;

    private SqliteDatabase() {
    }

    /** Opens (creating it and its parent directories if needed) the database at {@code file}. */
    static Connection open(Path file) throws IOException, SQLException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setBusyTimeout(0);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            connection.setAutoCommit(false);
            createSchema(connection);
            connection.commit();
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS kv_log ("
                    + " revision INTEGER PRIMARY KEY,"
                    + " key TEXT NOT NULL,"
                    + " created INTEGER NOT NULL,"
                    + " deleted INTEGER NOT NULL,"
                    + " create_revision INTEGER NOT NULL,"
                    + " prev_revision INTEGER NOT NULL,"
                    + " value BLOB)");
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS kv_meta ("
                    + " name TEXT PRIMARY KEY,"
                    + " value INTEGER NOT NULL)");
            statement.executeUpdate("INSERT OR IGNORE INTO kv_meta (name, value) VALUES ('" + SCHEMA_VERSION + "', "
                    + CURRENT_SCHEMA_VERSION + "), ('" + COMPACTED_REVISION + "', 0)");
        }
        long version = readMeta(connection, SCHEMA_VERSION);
        if (version != CURRENT_SCHEMA_VERSION) {
            throw new SQLException("unsupported store schema version " + version + " (this capj reads version "
                    + CURRENT_SCHEMA_VERSION + ")");
        }
    }

    static long readMeta(Connection connection, String name) throws SQLException {
        try (var query = connection.prepareStatement("SELECT value FROM kv_meta WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static void writeMeta(Connection connection, String name, long value) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE kv_meta SET value = ? WHERE name = ?")) {
            update.setLong(1, value);
            update.setString(2, name);
            update.executeUpdate();
        }
    }
}
