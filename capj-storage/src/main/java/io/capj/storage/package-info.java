/**
 * The storage SPI: a revisioned, compare-and-swap key-value store with history, lists at a revision,
 * watches and compaction. It knows nothing of Kubernetes objects; keys and values are opaque.
 * {@link io.capj.storage.Stores} opens a backend by URL; the engine shared by the {@code memory://} and
 * {@code sqlite://} backends lives in {@code io.capj.storage.internal}, the SQLite journal in
 * {@code io.capj.storage.sqlite}. Callers depend on this package only.
 */
package io.capj.storage;
