/**
 * The engine behind {@code io.capj.runtime}: the de-duplicating work queue with its rate limiters, the
 * workers that call reconcilers, the shared informer cache over fabric8, event routing from informers to
 * queues, leader election and reconcile metrics.
 *
 * <p>Nothing here is API: reconcilers and controllers must not import it, and its types may change freely.
 * Pure logic (queue, backoff, token bucket) takes a {@link io.capj.runtime.internal.Ticker} so it can be
 * tested deterministically without sleeping.
 */
package io.capj.runtime.internal;
