package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.patch.FieldPath;
import io.capj.apimachinery.patch.FieldSet;
import io.capj.apimachinery.patch.ManagedFields;
import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apimachinery.patch.ObjectMetaMergeSchema;
import io.capj.apimachinery.patch.ServerSideApply;
import io.capj.apiserver.internal.registry.ResourceType;
import java.time.Clock;

/**
 * Field ownership on every write: {@code Update} entries for ordinary writes, server-side apply for
 * apply patches. The endpoint's reset fields (status on the main resource of a type with a status
 * subresource, spec and metadata on {@code /status}) are neither applied nor owned there.
 */
public final class FieldManager {
    private final Clock clock;

    public FieldManager(Clock clock) {
        this.clock = clock;
    }

    static MergeSchema schemaOf(ResourceType type) {
        return ObjectMetaMergeSchema.wrap(type.mergeSchema());
    }

    /** Sets {@code updated}'s managedFields for a non-apply write by {@code manager}. */
    public void recordUpdate(ResourceType type, ObjectNode old, ObjectNode updated, String manager, String subresource) {
        ArrayNode fields = ManagedFields.recordUpdate(old, updated, manager, schemaOf(type), clock.instant(),
                type.definition().gvk().apiVersion(), managedSubresource(subresource));
        setManagedFields(updated, fields);
    }

    /** The object after {@code manager} applies {@code config} (409 on conflicts unless {@code force}). */
    public ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode config, String manager, boolean force,
                            String subresource) {
        ServerSideApply.Result result = ServerSideApply.apply(live, config, manager, force, schemaOf(type),
                clock.instant(), type.definition().gvk().apiVersion(), managedSubresource(subresource),
                resetFields(type, subresource));
        ObjectNode next = result.object();
        setManagedFields(next, result.managedFields());
        return next;
    }

    private static String managedSubresource(String subresource) {
        return subresource.equals("status") ? "status" : "";
    }

    private static FieldSet resetFields(ResourceType type, String subresource) {
        if (subresource.equals("status")) {
            return FieldSet.of(FieldPath.fields("spec"));
        }
        return type.definition().statusSubresource() ? FieldSet.of(FieldPath.fields("status")) : FieldSet.empty();
    }

    private static void setManagedFields(ObjectNode object, ArrayNode fields) {
        if (fields == null || fields.isEmpty()) {
            ObjectMeta.of(object).remove("managedFields");
        } else {
            ObjectMeta.of(object).set("managedFields", fields);
        }
    }
}
