package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object's {@code metadata.managedFields}: who owns which fields. Decodes and encodes the wire form
 * (entries sorted as upstream sorts them), names the manager of a request, and records ownership for
 * writes that are not applies ({@link #recordUpdate}). Server-side apply itself is {@link ServerSideApply}.
 */
public final class ManagedFields {
    /** Upstream's cap on {@code Update} entries; older ones are merged into {@code ancient-changes}. */
    public static final int MAX_UPDATE_MANAGERS = 10;

    /** Upstream's {@code FieldManagerMaxLength}. */
    static final int MAX_MANAGER_BYTES = 128;

    /**
     * Fields nobody owns: type identity, object identity and what the server maintains (upstream's
     * strip set, plus the deletion fields only the server sets).
     */
    static final FieldSet UNTRACKED = FieldSet.of(
            FieldPath.fields("apiVersion"), FieldPath.fields("kind"), FieldPath.fields("metadata"),
            FieldPath.fields("metadata", "name"), FieldPath.fields("metadata", "namespace"),
            FieldPath.fields("metadata", "creationTimestamp"), FieldPath.fields("metadata", "selfLink"),
            FieldPath.fields("metadata", "uid"), FieldPath.fields("metadata", "clusterName"),
            FieldPath.fields("metadata", "generation"), FieldPath.fields("metadata", "managedFields"),
            FieldPath.fields("metadata", "resourceVersion"), FieldPath.fields("metadata", "deletionTimestamp"),
            FieldPath.fields("metadata", "deletionGracePeriodSeconds"));

    public static final ManagedFields EMPTY = new ManagedFields(List.of());

    private static final Comparator<ManagedFieldsEntry> WIRE_ORDER = Comparator
            .comparing(ManagedFieldsEntry::operation)
            .thenComparingLong(e -> e.time() == null ? 0 : e.time().getEpochSecond())
            .thenComparing(ManagedFieldsEntry::manager, GoJson.STRING_ORDER)
            .thenComparing(ManagedFieldsEntry::apiVersion, GoJson.STRING_ORDER)
            .thenComparing(ManagedFieldsEntry::subresource, GoJson.STRING_ORDER);

    private final List<ManagedFieldsEntry> entries;

    ManagedFields(Collection<ManagedFieldsEntry> entries) {
        List<ManagedFieldsEntry> sorted = new ArrayList<>(entries);
        sorted.sort(WIRE_ORDER);
        this.entries = List.copyOf(sorted);
    }

    /** Decodes a {@code managedFields} array ({@code null} or missing is empty). */
    public static ManagedFields decode(JsonNode managedFields) {
        if (managedFields == null || managedFields.isNull() || managedFields.isMissingNode()) {
            return EMPTY;
        }
        if (!managedFields.isArray()) {
            throw new IllegalArgumentException("managedFields must be a list");
        }
        List<ManagedFieldsEntry> out = new ArrayList<>();
        managedFields.forEach(e -> out.add(ManagedFieldsEntry.fromJson(e)));
        return new ManagedFields(out);
    }

    /** The managed fields of an object ({@code metadata.managedFields}). */
    public static ManagedFields of(JsonNode object) {
        return object == null ? EMPTY : decode(object.path("metadata").get("managedFields"));
    }

    public List<ManagedFieldsEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The wire form; empty means the object carries no {@code managedFields}. */
    public ArrayNode encode() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        entries.forEach(e -> out.add(e.toJson()));
        return out;
    }

    Map<ManagedFieldsEntry.Identity, ManagedFieldsEntry> byIdentity() {
        Map<ManagedFieldsEntry.Identity, ManagedFieldsEntry> out = new LinkedHashMap<>();
        entries.forEach(e -> out.merge(e.identity(), e, (a, b) -> a.withFields(a.fields().union(b.fields()))));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManagedFields m && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /**
     * The manager of a write: the {@code fieldManager} parameter, else the User-Agent up to its first
     * {@code /} without unprintable characters, at most 128 bytes ({@code kubectl.1.33/v1.33.1 ...} gives
     * {@code kubectl.1.33}).
     */
    public static String manager(String fieldManagerParam, String userAgent) {
        if (fieldManagerParam != null && !fieldManagerParam.isEmpty()) {
            return fieldManagerParam;
        }
        if (userAgent == null) {
            return "";
        }
        int slash = userAgent.indexOf('/');
        String prefix = slash < 0 ? userAgent : userAgent.substring(0, slash);
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : prefix.codePoints().toArray()) {
            if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
                continue;
            }
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_MANAGER_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }

    /**
     * The managed fields after a write that is not an apply (create, update, patch) by {@code manager}:
     * the manager gains the fields whose value the write set, every other entry loses them, entries left
     * empty disappear and at most {@link #MAX_UPDATE_MANAGERS} {@code Update} entries remain. A write that
     * changed nothing returns the previous array untouched (no timestamp refresh). Uses the managed fields the
     * writer sent when it sent any (so clients can reset them with {@code []}), else those of {@code old}.
     *
     * @param old the stored object, or {@code null} on create
     * @param subresource {@code ""} or {@code "status"}
     * @return the new {@code managedFields} array; empty means none
     */
    public static ArrayNode recordUpdate(ObjectNode old, ObjectNode updated, String manager, MergeSchema schema,
            Instant now, String apiVersion, String subresource) {
        return UpdateRecorder.record(old, updated, new Writer(manager, apiVersion, subresource, now), schema);
    }

    /** Who writes, through which version and endpoint, and when. */
    record Writer(String manager, String apiVersion, String subresource, Instant now) {
        Writer {
            subresource = subresource == null ? "" : subresource;
        }
    }
}
