package io.capj.storage.sqlite;

import io.capj.storage.StoreException;
import io.capj.storage.internal.Journal;
import io.capj.storage.internal.LogRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Journal} of {@code sqlite://} stores: rows go through one {@link GroupCommitWriter}; history is
 * replayed from {@code kv_log} at startup; compaction records the new compacted revision and then deletes
 * the dropped rows in batches by primary key.
 */
public final class SqliteJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);
    private static final int DELETES_PER_TRANSACTION = 1_000;

    private final Path file;
    private final Connection connection;
    private GroupCommitWriter writer;

    private SqliteJournal(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the journal at {@code file}, creating it and its parent directories if needed.
     *
     * @throws StoreException if the file cannot be opened (for example another process has it open)
     */
    public static SqliteJournal open(Path file) {
        try {
            return new SqliteJournal(file, SqliteDatabase.open(file));
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open sqlite store " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long compactedRevision() {
        try {
            long revision = SqliteDatabase.readMeta(connection, SqliteDatabase.COMPACTED_REVISION);
            connection.commit();
            return revision;
        } catch (SQLException e) {
            throw failure("read the compacted revision", e);
        }
    }

    @Override
    public void replay(Consumer<LogRow> sink) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT revision, key, created, deleted, create_revision,"
                     + " prev_revision, value FROM kv_log ORDER BY revision")) {
            while (rows.next()) {
                sink.accept(new LogRow(rows.getLong(1), rows.getString(2), rows.getInt(3) != 0,
                        rows.getInt(4) != 0, rows.getLong(5), rows.getLong(6), rows.getBytes(7)));
            }
            connection.commit();
        } catch (SQLException e) {
            throw failure("read its history", e);
        }
    }

    @Override
    public void start(DurabilityListener listener) {
        writer = new GroupCommitWriter(connection, "capj-sqlite-writer-" + file.getFileName(), listener);
    }

    @Override
    public void append(LogRow row) {
        writer.submit(row);
    }

    @Override
    public void compact(long revision, long[] droppedRevisions) {
        writer.submitMaintenance(c -> SqliteDatabase.writeMeta(c, SqliteDatabase.COMPACTED_REVISION, revision));
        for (int from = 0; from < droppedRevisions.length; from += DELETES_PER_TRANSACTION) {
            long[] chunk = Arrays.copyOfRange(droppedRevisions, from,
                    Math.min(droppedRevisions.length, from + DELETES_PER_TRANSACTION));
            writer.submitMaintenance(c -> deleteRows(c, chunk));
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        GroupCommitWriter.checkpoint(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing sqlite store {} failed", file.toAbsolutePath(), e);
        }
    }

    private static void deleteRows(Connection connection, long[] revisions) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM kv_log WHERE revision = ?")) {
            for (long revision : revisions) {
                delete.setLong(1, revision);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException("sqlite store " + file.toAbsolutePath() + " failed to " + action + ": "
                + e.getMessage(), e);
    }
}
