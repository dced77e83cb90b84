package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.patch.ManagedFieldsEntry.Identity;
import io.capj.apimachinery.patch.ManagedFieldsEntry.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Ownership bookkeeping for non-apply writes, and the cap on {@code Update} entries. Like upstream's field
 * manager for updates it never fails a write: when an object does not fit its schema, the stored managed
 * fields are kept as they were.
 */
final class UpdateRecorder {
    static final String ANCIENT_CHANGES = "ancient-changes";
    private static final Comparator<ManagedFieldsEntry> OLDEST_FIRST = Comparator
            .<ManagedFieldsEntry>comparingLong(e -> e.time() == null ? 0 : e.time().getEpochSecond())
            .thenComparing(ManagedFieldsEntry::identifierJson);

    private UpdateRecorder() {
    }

    static ArrayNode record(ObjectNode old, ObjectNode updated, ManagedFields.Writer writer, MergeSchema schema) {
        JsonNode source = sourceArray(old, updated, writer.subresource());
        ManagedFields before = decodeOrEmpty(source);
        ObjectComparison change;
        try {
            change = ObjectComparison.of(old == null ? null : withoutManagedFields(old), withoutManagedFields(updated),
                    schema);
        } catch (SchemaMismatchException e) {
            return copy(old == null ? null : old.path("metadata").get("managedFields"));
        }
        Map<Identity, ManagedFieldsEntry> entries = before.byIdentity();
        FieldSet lost = change.changed().union(change.removed());
        takeFromAll(entries, lost);
        FieldSet gained = change.changed().difference(ManagedFields.UNTRACKED);
        if (!gained.isEmpty()) {
            Identity self = new Identity(writer.manager(), Operation.UPDATE, writer.subresource());
            ManagedFieldsEntry previous = entries.get(self);
            FieldSet owned = previous == null ? gained : previous.fields().union(gained);
            entries.put(self, new ManagedFieldsEntry(writer.manager(), Operation.UPDATE, writer.apiVersion(),
                    writer.now(), writer.subresource(), owned));
        }
        capUpdateManagers(entries, ManagedFields.MAX_UPDATE_MANAGERS);
        ManagedFields after = new ManagedFields(entries.values());
        return after.equals(before) && source != null ? copy(source) : after.encode();
    }

    /** Removes {@code fields} from every entry, dropping entries left with nothing. */
    static void takeFromAll(Map<Identity, ManagedFieldsEntry> entries, FieldSet fields) {
        if (fields.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<Identity, ManagedFieldsEntry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Identity, ManagedFieldsEntry> e = it.next();
            FieldSet rest = e.getValue().fields().difference(fields);
            if (rest.isEmpty()) {
                it.remove();
            } else {
                e.setValue(e.getValue().withFields(rest));
            }
        }
    }

    /**
     * Which managed fields a write starts from: a status write never sets them; otherwise the writer's own
     * (an empty list, or one empty entry, resets them) when they decode to something, else the stored ones.
     */
    private static JsonNode sourceArray(ObjectNode old, ObjectNode updated, String subresource) {
        JsonNode stored = old == null ? null : old.path("metadata").get("managedFields");
        JsonNode sent = updated.path("metadata").get("managedFields");
        if (!subresource.isEmpty() || sent == null || !sent.isArray()) {
            return stored;
        }
        if (sent.isEmpty() || sent.size() == 1 && sent.get(0).isObject() && sent.get(0).isEmpty()) {
            return Json.MAPPER.createArrayNode();
        }
        return decodeOrEmpty(sent).isEmpty() ? stored : sent;
    }

    private static ManagedFields decodeOrEmpty(JsonNode array) {
        try {
            return ManagedFields.decode(array);
        } catch (IllegalArgumentException e) {
            return ManagedFields.EMPTY;
        }
    }

    static ObjectNode withoutManagedFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode meta) {
            meta.remove("managedFields");
        }
        return copy;
    }

    private static ArrayNode copy(JsonNode array) {
        return array instanceof ArrayNode a ? a.deepCopy() : Json.MAPPER.createArrayNode();
    }

    /**
     * Keeps at most {@code max} Update entries by folding the oldest into one {@code ancient-changes} entry,
     * as upstream does (upstream keeps one such bucket per API version; entries here are not keyed by
     * version, so there is one). The bucket takes the version and time of the newest entry folded into it.
     */
    static void capUpdateManagers(Map<Identity, ManagedFieldsEntry> entries, int max) {
        List<ManagedFieldsEntry> updaters = new ArrayList<>();
        entries.values().stream().filter(e -> e.operation() == Operation.UPDATE).forEach(updaters::add);
        updaters.sort(OLDEST_FIRST);
        Identity bucket = new Identity(ANCIENT_CHANGES, Operation.UPDATE, "");
        int count = updaters.size();
        for (Iterator<ManagedFieldsEntry> it = updaters.iterator(); it.hasNext() && count > max; ) {
            ManagedFieldsEntry oldest = it.next();
            if (oldest.identity().equals(bucket)) {
                continue;
            }
            ManagedFieldsEntry folded = entries.get(bucket);
            entries.remove(oldest.identity());
            FieldSet fields = folded == null ? oldest.fields() : folded.fields().union(oldest.fields());
            entries.put(bucket, new ManagedFieldsEntry(ANCIENT_CHANGES, Operation.UPDATE, oldest.apiVersion(),
                    oldest.time(), "", fields));
            if (folded != null) {
                count--;
            }
        }
    }
}
