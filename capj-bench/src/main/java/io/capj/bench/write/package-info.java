/**
 * The write benchmark: N concurrent HTTPS clients creating ~2 KiB custom resources against a freshly
 * started API server, with one active watch on the kind, measured next to the raw SQLite group-commit
 * insert rate in the same process. Owns load generation ({@link io.capj.bench.write.CreateLoad}), latency
 * recording ({@link io.capj.bench.write.LatencyHistogram}), the raw-store baseline
 * ({@link io.capj.bench.write.RawStoreBaseline}) and the report. It talks to the server only over its public
 * HTTP API and must not touch server or store internals; the server's behaviour is measured, never changed.
 */
package io.capj.bench.write;
