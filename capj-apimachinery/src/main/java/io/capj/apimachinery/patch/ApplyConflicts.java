package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.patch.ManagedFieldsEntry.Identity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The 409 an apply gets when it would change fields other managers own, worded exactly as apimachinery's
 * {@code managedfields/internal/conflict.go} words it: one conflict is {@code Apply failed with 1 conflict:
 * conflict with "m" using v1: .spec.paused}; several are grouped by manager, one path per line.
 */
final class ApplyConflicts {
    static final String CAUSE = "FieldManagerConflict";

    private record Conflict(ManagedFieldsEntry owner, FieldPath path) {
    }

    private ApplyConflicts() {
    }

    /**
     * Throws if any of {@code others} owns a field in {@code changed}, except fields in {@code takeover}
     * (kubectl's client-side-apply fields, which it may take over when moving to server-side apply).
     */
    static void check(Map<Identity, ManagedFieldsEntry> others, FieldSet changed, FieldSet takeover) {
        List<ManagedFieldsEntry> owners = new ArrayList<>(others.values());
        owners.sort(Comparator.comparing(ManagedFieldsEntry::identifierJson, GoJson.STRING_ORDER));
        List<Conflict> conflicts = new ArrayList<>();
        for (ManagedFieldsEntry owner : owners) {
            FieldSet contested = owner.fields().intersection(changed).difference(takeover);
            contested.paths().forEach(p -> conflicts.add(new Conflict(owner, p)));
        }
        if (!conflicts.isEmpty()) {
            throw error(conflicts);
        }
    }

    private static StatusException error(List<Conflict> conflicts) {
        ObjectNode details = Json.object();
        ArrayNode causes = details.putArray("causes");
        for (Conflict c : conflicts) {
            causes.addObject().put("reason", CAUSE).put("message", "conflict with " + c.owner.printed())
                    .put("field", c.path.toString());
        }
        return new StatusException(409, "Conflict", message(conflicts), details);
    }

    private static String message(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict c = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + c.owner.printed() + ": " + c.path;
        }
        List<String> lines = new ArrayList<>();
        ManagedFieldsEntry current = null;
        for (Conflict c : conflicts) {
            if (current == null || !current.identity().equals(c.owner.identity())) {
                current = c.owner;
                lines.add("conflicts with " + current.printed() + ":");
            }
            lines.add("- " + c.path);
        }
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
