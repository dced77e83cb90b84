package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.MachineDeploymentView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A MachineDeployment's MachineSets split into the new one (its template up to date with the deployment's) and
 * the old ones, as upstream's {@code mdutil.FindNewAndOldMachineSets}. Among several up-to-date candidates the
 * one with the most replicas wins; once {@code spec.rollout.after} has passed only a candidate created at or
 * after it qualifies (that is how a rollout restart replaces every Machine).
 *
 * @param newSet       the new MachineSet, or null when one must be created
 * @param oldSets      every other MachineSet
 * @param createReason why a new MachineSet is needed (empty when {@code newSet} is present)
 */
record NewAndOldMachineSets(ObjectNode newSet, List<ObjectNode> oldSets, String createReason) {

    static NewAndOldMachineSets classify(JsonNode md, List<ObjectNode> machineSets, Instant now) {
        if (machineSets.isEmpty()) {
            return new NewAndOldMachineSets(null, List.of(), "no MachineSets exist for the MachineDeployment");
        }
        List<ObjectNode> sorted = new ArrayList<>(machineSets);
        sorted.sort(Comparator.comparingInt((ObjectNode ms) -> ms.at("/spec/replicas").asInt()).reversed()
                .thenComparing(MachineSetJson::creationTimestamp).thenComparing(MachineSetJson::name));
        List<ObjectNode> candidates = new ArrayList<>();
        List<ObjectNode> old = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        JsonNode template = md.at("/spec/template");
        for (ObjectNode ms : sorted) {
            List<String> reasons = MachineTemplates.rolloutReasons(ms.at("/spec/template"), template);
            if (reasons.isEmpty()) {
                candidates.add(ms);
            } else {
                old.add(ms);
                diffs.add("MachineSet " + MachineSetJson.name(ms) + " needs rollout: " + String.join(", ", reasons));
            }
        }
        if (candidates.isEmpty()) {
            return new NewAndOldMachineSets(null, old, "couldn't find MachineSet matching MachineDeployment spec "
                    + "template: " + String.join("; ", diffs));
        }
        Optional<Instant> after = rolloutAfter(md);
        if (after.isEmpty() || now.isBefore(after.get())) {
            old.addAll(candidates.subList(1, candidates.size()));
            return new NewAndOldMachineSets(candidates.get(0), old, "");
        }
        ObjectNode newSet = null;
        for (ObjectNode ms : candidates) {
            if (newSet == null && !MachineSetJson.creationTimestamp(ms).isBefore(after.get())) {
                newSet = ms;
            } else {
                old.add(ms);
            }
        }
        String reason = newSet != null ? "" : "spec.rollout.after on MachineDeployment set to " + after.get()
                + ", no MachineSet has been created afterwards";
        return new NewAndOldMachineSets(newSet, old, reason);
    }

    /** {@code spec.rollout.after}, when set and parseable. */
    static Optional<Instant> rolloutAfter(JsonNode md) {
        return MachineDeploymentView.of(md).rolloutAfter().flatMap(value -> {
            try {
                return Optional.of(Instant.parse(value));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
