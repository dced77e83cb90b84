package io.capj.core.machinedeployment;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.util.Collection;
import java.util.Map;

/**
 * Revision bookkeeping of upstream's {@code machinedeployment.clusters.x-k8s.io/revision} annotation: a missing
 * or unparsable value counts as 0, a new MachineSet gets the highest old revision plus one, and the
 * MachineDeployment carries its new MachineSet's revision.
 */
public final class Revisions {

    private Revisions() {
    }

    /** The revision in {@code annotations}, 0 when absent or not a number. */
    public static long revision(Map<String, String> annotations) {
        String value = annotations.get(CoreAnnotations.RevisionAnnotation);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The highest revision among {@code sets}, 0 when empty. */
    public static long maxRevision(Collection<MachineSetView> sets) {
        return sets.stream().mapToLong(ms -> revision(ms.annotations())).max().orElse(0);
    }

    /** The revision for the new MachineSet: highest revision among the old ones plus one. */
    public static long nextRevision(Collection<MachineSetView> oldSets) {
        return maxRevision(oldSets) + 1;
    }

    /**
     * The new MachineSet with its revision annotation raised to {@code revision}; an already higher or equal
     * revision is kept, as upstream only ever moves it forward.
     */
    public static MachineSetView withRevision(MachineSetView newSet, long revision) {
        if (revision(newSet.annotations()) >= revision && newSet.annotations()
                .containsKey(CoreAnnotations.RevisionAnnotation)) {
            return newSet;
        }
        return newSet.withAnnotation(CoreAnnotations.RevisionAnnotation, Long.toString(revision));
    }
}
