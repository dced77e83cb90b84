/**
 * The storage SPI: a revisioned, compare-and-swap key-value store with history, lists at a revision,
 * watches and compaction. It knows nothing of Kubernetes objects; keys and values are opaque.
 * Backends live in {@code io.capj.storage.memory} and {@code io.capj.storage.sqlite}.
 */
package io.capj.storage;
