package io.capj.core;

import io.capj.runtime.EventFilter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.List;

/**
 * Which Machine updates concern its provider objects (bootstrap config, infrastructure machine): its spec
 * (generation: bootstrap data, version, failure domain), labels, deletion and Node. The Machine's many status
 * writes (conditions, phase, addresses) do not, so they no longer wake its providers.
 */
public final class MachineChanges {
    private MachineChanges() {
    }

    /** Passes creates, deletes, and updates that change what providers read from their Machine. */
    public static EventFilter thatConcernProviders() {
        return new EventFilter() {
            @Override
            public boolean update(HasMetadata oldObject, HasMetadata newObject) {
                return !facts(oldObject).equals(facts(newObject));
            }
        };
    }

    private static List<Object> facts(HasMetadata machine) {
        return Arrays.asList(machine.getMetadata().getGeneration(), machine.getMetadata().getLabels(),
                machine.getMetadata().getDeletionTimestamp(),
                ClusterChanges.field(machine, "status", "nodeRef", "name"));
    }
}
