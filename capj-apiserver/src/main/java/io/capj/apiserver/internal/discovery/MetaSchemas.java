package io.capj.apiserver.internal.discovery;

import static io.capj.apiserver.internal.discovery.SchemaBuilder.arrayOf;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.arrayOfRefs;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.formatted;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.object;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.props;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.ref;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.stringMap;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code meta.k8s.io/v1} (and autoscaling/v1 Scale) schemas every resource document references: enough of
 * ObjectMeta, ListMeta, Status, DeleteOptions and Patch for {@code kubectl explain} and for clients that resolve
 * references. Descriptions are abridged from upstream's.
 */
final class MetaSchemas {
    static final String API_VERSION_DOC = "APIVersion defines the versioned schema of this representation of an "
            + "object. Servers should convert recognized schemas to the latest internal value, and may reject "
            + "unrecognized values. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    static final String KIND_DOC = "Kind is a string value representing the REST resource this object represents. "
            + "Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In "
            + "CamelCase. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    static final String OBJECT_META_DOC = "Standard object's metadata. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
    static final String LIST_META_DOC = "Standard list metadata. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private static final String NAME_DOC = "Name must be unique within a namespace. Is required when creating "
            + "resources, although some resources may allow a client to request the generation of an appropriate name "
            + "automatically. Cannot be updated. More info: "
            + "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
    private static final String M = OpenApiNames.META;

    private MetaSchemas() {
    }

    /** Adds the meta schemas, and the Scale schemas if {@code withScale}. */
    static void addTo(Map<String, ObjectNode> schemas, boolean withScale) {
        schemas.put(M + "ObjectMeta", objectMeta());
        schemas.put(M + "ListMeta", listMeta());
        schemas.put(M + "Time", formatted("string", "date-time", "Time is a wrapper around time.Time which supports "
                + "correct marshaling to YAML and JSON."));
        schemas.put(M + "FieldsV1", typed("object", "FieldsV1 stores a set of fields in a data structure like a "
                + "Trie, in JSON format."));
        schemas.put(M + "ManagedFieldsEntry", managedFieldsEntry());
        schemas.put(M + "OwnerReference", ownerReference());
        schemas.put(M + "Status", status());
        schemas.put(M + "StatusDetails", statusDetails());
        schemas.put(M + "StatusCause", statusCause());
        schemas.put(M + "DeleteOptions", deleteOptions());
        schemas.put(M + "Preconditions", preconditions());
        schemas.put(M + "Patch", typed("object", "Patch is provided to give a concrete name and type to the "
                + "Kubernetes PATCH request body."));
        if (withScale) {
            addScale(schemas);
        }
    }

    private static ObjectNode objectMeta() {
        ObjectNode s = object("ObjectMeta is metadata that all persisted resources must have, which includes all "
                + "objects users must create.");
        ObjectNode p = props(s);
        p.set("annotations", stringMap("Annotations is an unstructured key value map stored with a resource."));
        p.set("creationTimestamp", ref(M + "Time", "CreationTimestamp is a timestamp representing the server time "
                + "when this object was created."));
        p.set("deletionGracePeriodSeconds", formatted("integer", "int64", "Number of seconds allowed for this "
                + "object to gracefully terminate before it will be removed from the system."));
        p.set("deletionTimestamp", ref(M + "Time", "DeletionTimestamp is RFC 3339 date and time at which this "
                + "resource will be deleted."));
        ObjectNode finalizers = arrayOf(typed("string", ""), "Must be empty before the object is deleted from the "
                + "registry.");
        ((ObjectNode) finalizers.get("items")).remove("description");
        finalizers.put("x-kubernetes-list-type", "set");
        p.set("finalizers", finalizers);
        p.set("generateName", typed("string", "GenerateName is an optional prefix, used by the server, to generate "
                + "a unique name ONLY IF the Name field has not been provided."));
        p.set("generation", formatted("integer", "int64", "A sequence number representing a specific generation of "
                + "the desired state."));
        p.set("labels", stringMap("Map of string keys and values that can be used to organize and categorize "
                + "(scope and select) objects."));
        p.set("managedFields", arrayOfRefs(M + "ManagedFieldsEntry", "ManagedFields maps workflow-id and version "
                + "to the set of fields that are managed by that workflow."));
        p.set("name", typed("string", NAME_DOC));
        p.set("namespace", typed("string", "Namespace defines the space within which each name must be unique."));
        ObjectNode owners = arrayOfRefs(M + "OwnerReference", "List of objects depended by this object.");
        owners.put("x-kubernetes-patch-merge-key", "uid").put("x-kubernetes-patch-strategy", "merge");
        p.set("ownerReferences", owners);
        p.set("resourceVersion", typed("string", "An opaque value that represents the internal version of this "
                + "object that can be used by clients to determine when objects have changed."));
        p.set("selfLink", typed("string", "Deprecated: selfLink is a legacy read-only field that is no longer "
                + "populated by the system."));
        p.set("uid", typed("string", "UID is the unique in time and space value for this object."));
        return s;
    }

    private static ObjectNode listMeta() {
        ObjectNode s = object("ListMeta describes metadata that synthetic resources must have, including lists and "
                + "various status objects.");
        ObjectNode p = props(s);
        p.set("continue", typed("string", "continue may be set if the user set a limit on the number of items "
                + "returned, and indicates that the server has more data available."));
        p.set("remainingItemCount", formatted("integer", "int64", "remainingItemCount is the number of subsequent "
                + "items in the list which are not included in this list response."));
        p.set("resourceVersion", typed("string", "String that identifies the server's internal version of this "
                + "object that can be used by clients to determine when objects have changed."));
        p.set("selfLink", typed("string", "Deprecated: selfLink is a legacy read-only field that is no longer "
                + "populated by the system."));
        return s;
    }

    private static ObjectNode managedFieldsEntry() {
        ObjectNode s = object("ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the "
                + "resource that the fieldset applies to.");
        ObjectNode p = props(s);
        p.set("apiVersion", typed("string", "APIVersion defines the version of this resource that this field set "
                + "applies to."));
        p.set("fieldsType", typed("string", "FieldsType is the discriminator for the different fields format and "
                + "version. There is currently only one possible value: \"FieldsV1\""));
        p.set("fieldsV1", ref(M + "FieldsV1", "FieldsV1 holds the first JSON version format as described in the "
                + "\"FieldsV1\" type."));
        p.set("manager", typed("string", "Manager is an identifier of the workflow managing these fields."));
        p.set("operation", typed("string", "Operation is the type of operation which lead to this "
                + "ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'."));
        p.set("subresource", typed("string", "Subresource is the name of the subresource used to update that "
                + "object, or empty string if the object was updated through the main resource."));
        p.set("time", ref(M + "Time", "Time is the timestamp of when the ManagedFields entry was added."));
        return s;
    }

    private static ObjectNode ownerReference() {
        ObjectNode s = object("OwnerReference contains enough information to let you identify an owning object.");
        s.putArray("required").add("apiVersion").add("kind").add("name").add("uid");
        ObjectNode p = props(s);
        p.set("apiVersion", typed("string", "API version of the referent."));
        p.set("blockOwnerDeletion", typed("boolean", "If true, AND if the owner has the \"foregroundDeletion\" "
                + "finalizer, then the owner cannot be deleted from the key-value store until this reference is "
                + "removed."));
        p.set("controller", typed("boolean", "If true, this reference points to the managing controller."));
        p.set("kind", typed("string", "Kind of the referent."));
        p.set("name", typed("string", "Name of the referent."));
        p.set("uid", typed("string", "UID of the referent."));
        s.put("x-kubernetes-map-type", "atomic");
        return s;
    }

    private static ObjectNode status() {
        ObjectNode s = object("Status is a return value for calls that don't return other objects.");
        ObjectNode p = props(s);
        p.set("apiVersion", typed("string", API_VERSION_DOC));
        p.set("code", formatted("integer", "int32", "Suggested HTTP return code for this status, 0 if not set."));
        p.set("details", ref(M + "StatusDetails", "Extended data associated with the reason."));
        p.set("kind", typed("string", KIND_DOC));
        p.set("message", typed("string", "A human-readable description of the status of this operation."));
        p.set("metadata", ref(M + "ListMeta", LIST_META_DOC));
        p.set("reason", typed("string", "A machine-readable description of why this operation is in the "
                + "\"Failure\" status."));
        p.set("status", typed("string", "Status of the operation. One of: \"Success\" or \"Failure\"."));
        SchemaBuilder.gvk(s, "", "v1", "Status");
        return s;
    }

    private static ObjectNode statusDetails() {
        ObjectNode s = object("StatusDetails is a set of additional properties that MAY be set by the server to "
                + "provide additional information about a response.");
        ObjectNode p = props(s);
        p.set("causes", arrayOfRefs(M + "StatusCause", "The Causes array includes more details associated with the "
                + "StatusReason failure."));
        p.set("group", typed("string", "The group attribute of the resource associated with the status "
                + "StatusReason."));
        p.set("kind", typed("string", "The kind attribute of the resource associated with the status "
                + "StatusReason."));
        p.set("name", typed("string", "The name attribute of the resource associated with the status "
                + "StatusReason."));
        p.set("retryAfterSeconds", formatted("integer", "int32", "If specified, the time in seconds before the "
                + "operation should be retried."));
        p.set("uid", typed("string", "UID of the resource."));
        return s;
    }

    private static ObjectNode statusCause() {
        ObjectNode s = object("StatusCause provides more information about an api.Status failure.");
        ObjectNode p = props(s);
        p.set("field", typed("string", "The field of the resource that has caused this error, as named by its JSON "
                + "serialization."));
        p.set("message", typed("string", "A human-readable description of the cause of the error."));
        p.set("reason", typed("string", "A machine-readable description of the cause of the error."));
        return s;
    }

    private static ObjectNode deleteOptions() {
        ObjectNode s = object("DeleteOptions may be provided when deleting an API object.");
        ObjectNode p = props(s);
        p.set("apiVersion", typed("string", API_VERSION_DOC));
        ObjectNode dryRun = arrayOf(typed("string", ""), "When present, indicates that modifications should not be "
                + "persisted.");
        ((ObjectNode) dryRun.get("items")).remove("description");
        p.set("dryRun", dryRun);
        p.set("gracePeriodSeconds", formatted("integer", "int64", "The duration in seconds before the object "
                + "should be deleted."));
        p.set("kind", typed("string", KIND_DOC));
        p.set("orphanDependents", typed("boolean", "Deprecated: please use the PropagationPolicy."));
        p.set("preconditions", ref(M + "Preconditions", "Must be fulfilled before a deletion is carried out."));
        p.set("propagationPolicy", typed("string", "Whether and how garbage collection will be performed."));
        return s;
    }

    private static ObjectNode preconditions() {
        ObjectNode s = object("Preconditions must be fulfilled before an operation (update, delete, etc.) is "
                + "carried out.");
        props(s).set("resourceVersion", typed("string", "Specifies the target ResourceVersion"));
        props(s).set("uid", typed("string", "Specifies the target UID."));
        return s;
    }

    private static void addScale(Map<String, ObjectNode> schemas) {
        ObjectNode scale = object("Scale represents a scaling request for a resource.");
        ObjectNode p = props(scale);
        p.set("apiVersion", typed("string", API_VERSION_DOC));
        p.set("kind", typed("string", KIND_DOC));
        p.set("metadata", ref(M + "ObjectMeta", OBJECT_META_DOC));
        p.set("spec", ref(OpenApiNames.SCALE + "Spec", "spec defines the behavior of the scale."));
        p.set("status", ref(OpenApiNames.SCALE + "Status", "status is the current status of the scale."));
        SchemaBuilder.gvk(scale, "autoscaling", "v1", "Scale");
        schemas.put(OpenApiNames.SCALE, scale);
        ObjectNode spec = object("ScaleSpec describes the attributes of a scale subresource.");
        props(spec).set("replicas", formatted("integer", "int32", "replicas is the desired number of instances for "
                + "the scaled object."));
        schemas.put(OpenApiNames.SCALE + "Spec", spec);
        ObjectNode status = object("ScaleStatus represents the current status of a scale subresource.");
        status.putArray("required").add("replicas");
        props(status).set("replicas", formatted("integer", "int32", "replicas is the actual number of observed "
                + "instances of the scaled object."));
        props(status).set("selector", typed("string", "selector is the label query over pods that should match "
                + "the replicas count."));
        schemas.put(OpenApiNames.SCALE + "Status", status);
    }
}
