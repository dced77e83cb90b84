package io.capj.storage.sqlite;

import io.capj.storage.internal.Journal;
import io.capj.storage.internal.LogRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes to a store's SQLite file, committing rows in groups.
 *
 * <p>Each round takes every row queued so far (up to a bound), inserts them in one transaction and commits
 * once, so one fsync covers every writer that arrived while the previous commit was on disk: throughput
 * grows with concurrency instead of being capped at one write per fsync. After the commit it reports the
 * last revision durable; rows are queued in revision order, so that covers every row of the round.
 *
 * <p>Maintenance (compaction's bookkeeping and deletions) runs in its own small transactions between write
 * rounds, one step per round, so a large compaction delays writers by at most one step at a time.
 *
 * <p>Any SQL failure ends the writer: it reports {@link Journal.DurabilityListener#failed} and exits,
 * leaving the rest of the queue unwritten.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** Bounds on one transaction, so a burst of large values cannot build an unbounded one. */
    private static final int MAX_ROWS_PER_COMMIT = 2_000;
    private static final long MAX_BYTES_PER_COMMIT = 16L << 20;
    /**
     * Queue markers, recognized by identity (never by equals: LogRow is a record): wake the thread for
     * maintenance; stop after draining.
     */
    private static final LogRow WAKE = new LogRow(-1, "<wake>", false, false, 0, 0, null);
    private static final LogRow STOP = new LogRow(-1, "<stop>", false, false, 0, 0, null);

    /** A unit of maintenance SQL, run in its own transaction on the writer thread. */
    interface MaintenanceStep {
        void run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final Journal.DurabilityListener listener;
    private final LinkedBlockingQueue<LogRow> rows = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<MaintenanceStep> maintenance = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    GroupCommitWriter(Connection connection, String threadName, Journal.DurabilityListener listener) {
        this.connection = connection;
        this.listener = listener;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a row; callers serialize their calls so rows arrive in revision order. */
    void submit(LogRow row) {
        rows.add(row);
    }

    void submitMaintenance(MaintenanceStep step) {
        maintenance.add(step);
        rows.add(WAKE);
    }

    /** Commits everything queued, runs all queued maintenance, and stops the thread. */
    @Override
    public void close() {
        rows.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<LogRow> round = new ArrayList<>(MAX_ROWS_PER_COMMIT);
        boolean stopping = false;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kv_log"
                + " (revision, key, created, deleted, create_revision, prev_revision, value)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            while (!stopping) {
                takeRound(round);
                stopping = round.removeIf(row -> row == STOP);
                round.removeIf(row -> row == WAKE);
                if (!round.isEmpty()) {
                    commitRound(insert, round);
                    round.clear();
                }
                runMaintenance(stopping);
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            listener.failed(e);
        } catch (InterruptedException e) {
            listener.failed(new SQLException("sqlite writer thread interrupted", e));
        } catch (Error e) {
            // Report before dying: writers waiting for durability would otherwise wait forever.
            listener.failed(new SQLException("sqlite writer thread died: " + e, e));
            throw e;
        }
    }

    /** Waits for one row, then takes whatever else is queued, up to the round's row and byte bounds. */
    private void takeRound(List<LogRow> round) throws InterruptedException {
        LogRow row = rows.take();
        long bytes = 0;
        while (true) {
            round.add(row);
            bytes += row.value() == null ? 0 : row.value().length;
            if (round.size() == MAX_ROWS_PER_COMMIT || bytes >= MAX_BYTES_PER_COMMIT || (row = rows.poll()) == null) {
                return;
            }
        }
    }

    private void commitRound(PreparedStatement insert, List<LogRow> round) throws SQLException {
        for (LogRow row : round) {
            insert.setLong(1, row.revision());
            insert.setString(2, row.key());
            insert.setInt(3, row.created() ? 1 : 0);
            insert.setInt(4, row.deleted() ? 1 : 0);
            insert.setLong(5, row.createRevision());
            insert.setLong(6, row.prevRevision());
            if (row.value() == null) {
                insert.setNull(7, Types.BLOB);
            } else {
                insert.setBytes(7, row.value());
            }
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        listener.durableThrough(round.get(round.size() - 1).revision());
    }

    private void runMaintenance(boolean all) throws SQLException {
        MaintenanceStep step;
        while ((step = maintenance.poll()) != null) {
            step.run(connection);
            connection.commit();
            if (!all) {
                if (!maintenance.isEmpty()) {
                    rows.add(WAKE);
                }
                return;
            }
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback after sqlite writer failure also failed", e);
        }
    }

    /** Folds the WAL back into the main file so a stopped store is one self-contained file. */
    static void checkpoint(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            connection.commit();
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.warn("sqlite checkpoint on close failed; the WAL will be replayed on next open", e);
        }
    }
}
