package io.capj.apiserver.internal.handlers;

import io.capj.apimachinery.StatusException;

/** Waiting for a resourceVersion a client has seen but this server has not yet made visible. */
final class ResourceVersions {
    private static final long WAIT_MILLIS = 3000;

    private ResourceVersions() {
    }

    /** Returns once the store reached {@code revision}, or answers 504 as upstream does for a future version. */
    static void awaitNotOlderThan(ApiContext ctx, long revision) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (ctx.objects().currentRevision() < revision) {
            if (System.currentTimeMillis() > deadline) {
                throw StatusException.timeout("Too large resource version: " + revision + ", current: "
                        + ctx.objects().currentRevision(), 1);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StatusException.internal("interrupted");
            }
        }
    }
}
