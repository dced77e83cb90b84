/**
 * The public face of the controller runtime: the level-based {@link io.capj.runtime.Reconciler} contract
 * ({@link io.capj.runtime.Request} in, {@link io.capj.runtime.Result} out), the {@link io.capj.runtime.Manager}
 * that owns the shared informer {@link io.capj.runtime.Cache} and runs controllers (behind Lease leader
 * election), the {@link io.capj.runtime.ControllerBuilder} wiring For/Owns/Watches, and the write-side helpers
 * {@link io.capj.runtime.PatchHelper} and {@link io.capj.runtime.Conditions}, workload cluster connections
 * ({@link io.capj.runtime.RemoteClusters}) and the reconcile metrics ({@link io.capj.runtime.ReconcileMetrics}).
 *
 * <p>This package holds only types reconcilers touch; queueing, rate limiting, informer bookkeeping and
 * metrics plumbing live in {@code io.capj.runtime.internal} and must not leak into these signatures.
 */
package io.capj.runtime;
