package io.capj.core.machinedeployment;

/**
 * A resolved pair of rollout bounds: how many Machines may exist above the desired replicas, and how many of
 * the desired may be unavailable. Never both zero (upstream's fencepost rule makes maxUnavailable 1).
 */
public record Fenceposts(int maxSurge, int maxUnavailable) {

    /**
     * Resolves {@code maxSurge} (rounded up) and {@code maxUnavailable} (rounded down) against
     * {@code desired}, as upstream's {@code ResolveFenceposts}; both zero gives maxUnavailable 1.
     */
    public static Fenceposts resolve(IntOrPercent maxSurge, IntOrPercent maxUnavailable, int desired) {
        int surge = maxSurge.scaledValue(desired, true);
        int unavailable = maxUnavailable.scaledValue(desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Fenceposts(surge, unavailable);
    }
}
