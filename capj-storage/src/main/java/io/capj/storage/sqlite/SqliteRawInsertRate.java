package io.capj.storage.sqlite;

import io.capj.storage.internal.Journal;
import io.capj.storage.internal.LogRow;
import io.capj.storage.internal.VisibleRevision;
import io.capj.storage.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Measures how many rows per second the SQLite journal can make durable, as the ceiling the store's write
 * rate is compared against.
 *
 * <p>What it measures, exactly: {@code threads} threads each repeatedly take the next revision under a
 * lock, queue one row with a {@value #VALUE_BYTES}-byte value (by default) on a {@link GroupCommitWriter}
 * and block until that revision is reported durable, just as a store write does. The database is opened by
 * {@link SqliteDatabase} with the store's pragmas (WAL, {@code synchronous=FULL}), so every commit is
 * fsynced. Left out, on purpose: the in-memory MVCC index, compare-and-swap checks, the revision log,
 * watches, and the API server. The difference between this rate and a store's write rate is therefore
 * the cost of everything above the disk.
 *
 * <p>The rate is rows divided by the wall time from the moment all threads are released until the last
 * write is durable. Runs in a fresh file inside {@code scratchDirectory}, deleted afterwards.
 */
public final class SqliteRawInsertRate {
    /** The value size used unless told otherwise: a typical small Kubernetes object as JSON. */
    public static final int VALUE_BYTES = 2048;

    /** The outcome of one measurement. */
    public record Result(int threads, long rows, int valueBytes, double seconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private SqliteRawInsertRate() {
    }

    /** Inserts {@code totalRows} rows of {@value #VALUE_BYTES} bytes from {@code threads} threads; returns rows/s. */
    public static double rowsPerSecond(Path scratchDirectory, int threads, int totalRows) {
        return measure(scratchDirectory, threads, totalRows, VALUE_BYTES).rowsPerSecond();
    }

    /** Inserts {@code totalRows} rows of {@code valueBytes} bytes, split across {@code threads} threads. */
    public static Result measure(Path scratchDirectory, int threads, int totalRows, int valueBytes) {
        if (threads < 1 || totalRows < threads || valueBytes < 0) {
            throw new IllegalArgumentException("need threads >= 1, totalRows >= threads and valueBytes >= 0");
        }
        Path file;
        try {
            Files.createDirectories(scratchDirectory);
            file = Files.createTempFile(scratchDirectory, "raw-insert-rate-", ".db");
            Files.delete(file);
        } catch (IOException e) {
            throw new StoreException("cannot create a scratch database in " + scratchDirectory + ": "
                    + e.getMessage(), e);
        }
        try {
            return run(file, threads, totalRows, valueBytes);
        } finally {
            deleteQuietly(file);
        }
    }

    private static Result run(Path file, int threads, int totalRows, int valueBytes) {
        VisibleRevision durable = new VisibleRevision(0);
        Connection connection;
        try {
            connection = SqliteDatabase.open(file);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open scratch database " + file + ": " + e.getMessage(), e);
        }
        GroupCommitWriter writer = new GroupCommitWriter(connection, "capj-sqlite-rate-writer",
                new Journal.DurabilityListener() {
                    @Override
                    public void durableThrough(long revision) {
                        durable.advanceTo(revision);
                    }

                    @Override
                    public void failed(Exception cause) {
                        durable.fail(new StoreException("raw insert failed: " + cause.getMessage(), cause));
                    }
                });
        byte[] value = new byte[valueBytes];
        new Random(42).nextBytes(value);
        RevisionSequence sequence = new RevisionSequence(writer);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int rows = totalRows / threads + (t < totalRows % threads ? 1 : 0);
            String keyPrefix = "/registry/bench/t" + t + "/";
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rows; i++) {
                        durable.await(sequence.append(keyPrefix + i, value));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "capj-sqlite-rate-" + t);
            workers.add(worker);
            worker.start();
        }
        long began = System.nanoTime();
        start.countDown();
        joinAll(workers);
        long elapsed = System.nanoTime() - began;
        writer.close();
        try {
            connection.close();
        } catch (SQLException e) {
            // the scratch file is deleted next; nothing to recover
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Result(threads, totalRows, valueBytes, elapsed / 1e9);
    }

    /** Hands out revisions and queues rows in the same order, as the store's write lock does. */
    private static final class RevisionSequence {
        private final ReentrantLock lock = new ReentrantLock();
        private final GroupCommitWriter writer;
        private long last;

        RevisionSequence(GroupCommitWriter writer) {
            this.writer = writer;
        }

        long append(String key, byte[] value) {
            lock.lock();
            try {
                long revision = ++last;
                writer.submit(new LogRow(revision, key, true, false, revision, 0, value));
                return revision;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void joinAll(List<Thread> workers) {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // best effort: a leftover scratch file in a scratch directory is harmless
            }
        }
    }

    /** {@code SqliteRawInsertRate [scratchDir] [threads] [rows]}: prints the rate. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Result result = measure(dir, threads, rows, VALUE_BYTES);
        System.out.printf("raw SQLite group-commit rate: %.0f rows/s (%d threads, %d rows of %d bytes, %.2f s)%n",
                result.rowsPerSecond(), result.threads(), result.rows(), result.valueBytes(), result.seconds());
    }
}
