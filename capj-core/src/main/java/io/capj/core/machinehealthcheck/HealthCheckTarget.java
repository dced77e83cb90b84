package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.runtime.PatchHelper;

/**
 * One Machine a MachineHealthCheck watches, as a pass observed it: the Machine (a mutable tree whose
 * {@code patchHelper} snapshot was taken when it was read), its Node in the workload cluster (null when it has
 * none yet, or when the workload cluster is not reachable before control-plane initialization), and whether
 * its {@code status.nodeRef} names a Node that no longer exists.
 */
record HealthCheckTarget(ObjectNode machine, JsonNode node, boolean nodeMissing, PatchHelper patchHelper) {

    String name() {
        return machine.at("/metadata/name").asText();
    }

    boolean deleting() {
        return machine.at("/metadata/deletionTimestamp").isTextual();
    }
}
