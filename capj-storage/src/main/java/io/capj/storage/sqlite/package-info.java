/**
 * The SQLite journal: durable group commit of the store's writes into an append-only log table (shaped
 * like kine's), replay of that log at startup, and compaction's row deletions. The file is opened in WAL
 * mode with {@code synchronous=FULL}; one writer thread owns it.
 *
 * <p>It only persists and replays {@link io.capj.storage.internal.LogRow}s; all reads, revision assignment
 * and compare-and-swap live in {@code io.capj.storage.internal}. {@code SqliteRawInsertRate} measures this
 * package alone, as the ceiling for the store's write rate.
 */
package io.capj.storage.sqlite;
