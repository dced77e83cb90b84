package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.patch.ManagedFieldsEntry.Identity;
import io.capj.apimachinery.patch.ManagedFieldsEntry.Operation;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Server-side apply ({@code application/apply-patch+yaml}), modelled on structured-merge-diff: merges the
 * applied configuration into the live object per {@link MergeSchema}, removes what the applier applied
 * last time but no longer does (unless someone else owns it), refuses to change fields other managers own
 * unless forced (409 with {@code FieldManagerConflict} causes), and records ownership in
 * {@code metadata.managedFields}. A re-apply that changes nothing returns the live object and its managed
 * fields untouched, timestamps included.
 */
public final class ServerSideApply {

    /**
     * The object to store, with its {@code managedFields} set, and whether anything changed at all; when
     * nothing did, {@code object} equals the live object byte for byte.
     */
    public record Result(ObjectNode object, ArrayNode managedFields, boolean changed) {
    }

    private ServerSideApply() {
    }

    /**
     * Applies {@code config} for {@code manager}.
     *
     * @param live the stored object, or {@code null} to create it
     * @param apiVersion the version the request was made in; the configuration must carry the same
     * @param subresource {@code ""} for the main resource, {@code "status"} for the status endpoint
     * @throws StatusException 409 on conflicts without {@code force}, 400 for a malformed configuration
     */
    public static Result apply(ObjectNode live, ObjectNode config, String manager, boolean force, MergeSchema schema,
            Instant now, String apiVersion, String subresource) {
        return apply(live, config, manager, force, schema, now, apiVersion, subresource, FieldSet.empty());
    }

    /**
     * As {@link #apply(ObjectNode, ObjectNode, String, boolean, MergeSchema, Instant, String, String)}, ignoring
     * {@code resetFields}: what the endpoint's strategy resets ({@code status} on the main resource, {@code spec}
     * on {@code /status}, upstream's {@code GetResetFields}). Those are neither merged, owned nor conflicting.
     */
    public static Result apply(ObjectNode live, ObjectNode config, String manager, boolean force, MergeSchema schema,
            Instant now, String apiVersion, String subresource, FieldSet resetFields) {
        ManagedFields.Writer writer = new ManagedFields.Writer(manager, apiVersion, subresource, now);
        checkConfig(config, apiVersion);
        ObjectNode applied = typed(config, () -> FieldRemoval.remove(withoutSystemNulls(config), resetFields, schema),
                "patch");
        FieldSet appliedFields = typed(config, () -> ObjectFieldWalker.fieldSet(applied, schema, false), "patch");
        ObjectNode before = live == null ? Json.object() : UpdateRecorder.withoutManagedFields(live);
        typed(before, () -> ObjectFieldWalker.fieldSet(before, schema, true), "live");
        ManagedFields stored = storedManagedFields(live);
        Map<Identity, ManagedFieldsEntry> entries = stored.byIdentity();
        ManagedFieldsEntry last = entries.remove(new Identity(manager, Operation.APPLY, writer.subresource()));
        ObjectNode merged = ApplyMerge.merge(before, applied, schema);
        ObjectNode pruned = prune(merged, last, appliedFields, entries, schema);
        ObjectComparison change = ObjectComparison.of(before, pruned, schema);
        if (!force) {
            ApplyConflicts.check(entries, change.changed(),
                    LastAppliedConfiguration.takeoverFields(manager, live, schema));
        }
        UpdateRecorder.takeFromAll(entries, change.changed().union(change.removed()));
        // Upstream rewrites the annotation after ownership is settled: nobody gains or loses it here.
        ObjectNode after = LastAppliedConfiguration.sync(pruned, config, manager);
        boolean objectChanged = !JsonValues.equal(before, after);
        recordApplier(entries, last, appliedFields.difference(ManagedFields.UNTRACKED), writer, objectChanged);
        ManagedFields result = new ManagedFields(entries.values());
        if (live != null && !objectChanged && result.equals(stored)) {
            JsonNode unchanged = live.path("metadata").get("managedFields");
            return new Result(live.deepCopy(),
                    unchanged instanceof ArrayNode a ? a.deepCopy() : Json.MAPPER.createArrayNode(), false);
        }
        ArrayNode encoded = result.encode();
        return new Result(withManagedFields(after, encoded), encoded.deepCopy(), true);
    }

    private static void checkConfig(ObjectNode config, String apiVersion) {
        String sent = config.path("apiVersion").asText("");
        if (!sent.equals(apiVersion)) {
            throw StatusException.badRequest("Incorrect version specified in apply patch. Specified patch version: "
                    + sent + ", expected: " + apiVersion);
        }
        JsonNode managedFields = config.path("metadata").get("managedFields");
        if (managedFields != null && !managedFields.isNull()) {
            throw StatusException.badRequest("metadata.managedFields must be nil");
        }
    }

    /**
     * Go clients serialize typed objects with {@code creationTimestamp: null}; that is not a request to
     * remove a field the server maintains, so such nulls are dropped before merging.
     */
    private static ObjectNode withoutSystemNulls(ObjectNode config) {
        ObjectNode out = config.deepCopy();
        for (FieldPath path : ManagedFields.UNTRACKED.paths()) {
            JsonNode parent = out;
            for (int i = 0; i < path.size() - 1 && parent != null; i++) {
                parent = parent.get(path.get(i).fieldName());
            }
            String name = path.get(path.size() - 1).fieldName();
            if (parent instanceof ObjectNode o && o.has(name) && o.get(name).isNull()) {
                o.remove(name);
            }
        }
        return out;
    }

    private static ManagedFields storedManagedFields(ObjectNode live) {
        try {
            return ManagedFields.of(live);
        } catch (IllegalArgumentException e) {
            throw StatusException.internal("failed to decode managed fields: " + e.getMessage());
        }
    }

    /**
     * Drops what the applier owned last time and no longer applies, unless another manager owns it. A field
     * whose whole subtree nobody claims any more goes with its subtree (upstream's named-field rule).
     */
    private static ObjectNode prune(ObjectNode merged, ManagedFieldsEntry last, FieldSet appliedFields,
            Map<Identity, ManagedFieldsEntry> others, MergeSchema schema) {
        if (last == null) {
            return merged;
        }
        FieldSet claimed = appliedFields;
        for (ManagedFieldsEntry other : others.values()) {
            claimed = claimed.union(other.fields());
        }
        FieldSet dropped = last.fields().withFieldPrefixes().difference(claimed.withFieldPrefixes())
                .difference(ManagedFields.UNTRACKED);
        return FieldRemoval.remove(merged, dropped, schema);
    }

    /** The applier's entry is exactly what it applied; its time moves only when something changed. */
    private static void recordApplier(Map<Identity, ManagedFieldsEntry> entries, ManagedFieldsEntry last,
            FieldSet owned, ManagedFields.Writer writer, boolean objectChanged) {
        if (owned.isEmpty()) {
            return;
        }
        boolean sameEntry = last != null && last.fields().equals(owned)
                && last.apiVersion().equals(writer.apiVersion());
        Instant time = sameEntry && !objectChanged ? last.time() : writer.now();
        ManagedFieldsEntry entry = new ManagedFieldsEntry(writer.manager(), Operation.APPLY, writer.apiVersion(), time,
                writer.subresource(), owned);
        entries.put(entry.identity(), entry);
    }

    private static ObjectNode withManagedFields(ObjectNode object, ArrayNode managedFields) {
        ObjectNode out = object.deepCopy();
        if (managedFields.isEmpty()) {
            if (out.get("metadata") instanceof ObjectNode meta) {
                meta.remove("managedFields");
            }
            return out;
        }
        JsonNode meta = out.get("metadata");
        (meta instanceof ObjectNode m ? m : out.putObject("metadata")).set("managedFields", managedFields);
        return out;
    }

    /** Runs a schema-dependent step, turning a mismatch into upstream's error for that object. */
    private static <T> T typed(ObjectNode object, Supplier<T> step, String which) {
        try {
            return step.get();
        } catch (SchemaMismatchException e) {
            String message = "failed to create typed " + which + " object (" + describe(object) + "): "
                    + e.getMessage();
            // Upstream answers 500 for a bad patch object too; 400 is what it is moving to, and what it is.
            throw which.equals("patch") ? StatusException.badRequest(message) : StatusException.internal(message);
        }
    }

    /** {@code namespace/name; group/version, Kind=kind}, as upstream identifies objects in these errors. */
    private static String describe(ObjectNode object) {
        JsonNode meta = object.path("metadata");
        String apiVersion = object.path("apiVersion").asText("");
        String groupVersion = apiVersion.contains("/") ? apiVersion : "/" + apiVersion;
        return meta.path("namespace").asText("") + "/" + meta.path("name").asText("") + "; " + groupVersion
                + ", Kind=" + object.path("kind").asText("");
    }
}
