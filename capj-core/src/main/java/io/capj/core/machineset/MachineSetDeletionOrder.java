package io.capj.core.machineset;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the Machines a MachineSet deletes when it scales down, as upstream's
 * {@code machineset_delete_policy.go} does. Every Machine gets a priority in [0, 100]: deleting (100), then
 * {@code cluster.x-k8s.io/delete-machine} (75), then unhealthy — no nodeRef, NodeHealthy=False or
 * HealthCheckSucceeded=False — (50), then by order. Oldest maps age onto (0, 50) as
 * {@code 50·(1−e^(−age/10d))}; Newest is 50 minus that; a zero or future creation time is 0 for Oldest.
 * Ties are broken by name, so the choice is stable.
 *
 * <p>{@code Random} is not random: as upstream, every healthy Machine gets the same priority (20) and the
 * name tie-break decides. That makes it deterministic with no seed, which is what upstream ships and what the
 * tests pin.
 */
public final class MachineSetDeletionOrder {

    static final double MUST_DELETE = 100.0;
    static final double SHOULD_DELETE = 75.0;
    static final double BETTER_DELETE = 50.0;
    static final double COULD_DELETE = 20.0;
    static final double MUST_NOT_DELETE = 0.0;
    private static final double SECONDS_PER_TEN_DAYS = 864_000;

    private MachineSetDeletionOrder() {
    }

    /**
     * The {@code count} Machines to delete, highest priority first; all of them when {@code count} is at least
     * their number (in input order, as upstream), none when it is not positive.
     */
    public static List<DeletionCandidate> machinesToDelete(List<DeletionCandidate> machines, int count,
            DeletionOrder order, Instant now) {
        if (count >= machines.size()) {
            return List.copyOf(machines);
        }
        if (count <= 0) {
            return List.of();
        }
        List<DeletionCandidate> sorted = new ArrayList<>(machines);
        sorted.sort(Comparator.<DeletionCandidate>comparingDouble(m -> -priority(m, order, now))
                .thenComparing(DeletionCandidate::name));
        return List.copyOf(sorted.subList(0, count));
    }

    /** The deletion priority of one Machine under {@code order} at {@code now}; higher goes first. */
    public static double priority(DeletionCandidate machine, DeletionOrder order, Instant now) {
        if (machine.deleting()) {
            return MUST_DELETE;
        }
        if (machine.annotations().containsKey(CoreAnnotations.DeleteMachineAnnotation)) {
            return SHOULD_DELETE;
        }
        if (!machine.healthyForDeletion()) {
            return BETTER_DELETE;
        }
        return switch (order) {
            case RANDOM -> COULD_DELETE;
            case OLDEST -> agePriority(machine, now);
            case NEWEST -> BETTER_DELETE - agePriority(machine, now);
        };
    }

    private static double agePriority(DeletionCandidate machine, Instant now) {
        if (machine.creationTimestamp() == null) {
            return MUST_NOT_DELETE;
        }
        Duration age = Duration.between(machine.creationTimestamp(), now);
        if (age.isNegative()) {
            return MUST_NOT_DELETE;
        }
        double seconds = age.getSeconds() + age.getNano() / 1e9;
        return BETTER_DELETE * (1.0 - Math.exp(-seconds / SECONDS_PER_TEN_DAYS));
    }
}
