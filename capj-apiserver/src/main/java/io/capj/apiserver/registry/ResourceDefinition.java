package io.capj.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.GroupVersionResource;
import java.util.List;

/**
 * Everything the server knows about one served resource in one version: names, scope, subresources,
 * printer columns and schema. Built-in kinds and every served version of every CustomResourceDefinition
 * become one of these; discovery, OpenAPI, Table output and the handlers all read from it.
 *
 * @param gvk              group, served version and kind
 * @param plural           resource name, e.g. {@code clusters}
 * @param singular         singular name, e.g. {@code cluster}
 * @param namespaced       true for namespaced resources
 * @param listKind         e.g. {@code ClusterList}
 * @param shortNames       e.g. {@code [cl]}
 * @param categories       e.g. {@code [cluster-api]}
 * @param verbs            verbs of the main resource, in upstream's order
 * @param statusSubresource true if {@code /status} is served (and the main endpoint ignores status)
 * @param scale            the scale subresource, or null
 * @param printerColumns   CRD additionalPrinterColumns; empty means the default columns of the kind
 * @param schema           the OpenAPI v3 schema of the whole object ({@code openAPIV3Schema}), or null if untyped
 * @param storageVersion   true if this version is the one written to storage
 * @param deprecated       true if the version is deprecated
 * @param deprecationWarning the warning to send, or null for the default text
 * @param builtin          true for kinds compiled into the server (Namespace, Secret, ..., CRD itself)
 * @param selectableFields extra field-selector paths (CRD selectableFields jsonPaths without the leading dot)
 */
public record ResourceDefinition(
        GroupVersionKind gvk,
        String plural,
        String singular,
        boolean namespaced,
        String listKind,
        List<String> shortNames,
        List<String> categories,
        List<String> verbs,
        boolean statusSubresource,
        ScaleSubresource scale,
        List<PrinterColumn> printerColumns,
        JsonNode schema,
        boolean storageVersion,
        boolean deprecated,
        String deprecationWarning,
        boolean builtin,
        List<String> selectableFields) {

    /** Every verb a fully served resource has, in upstream's discovery order. */
    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public GroupVersionResource gvr() {
        return gvk.withResource(plural);
    }

    public String group() {
        return gvk.group();
    }

    public String version() {
        return gvk.version();
    }

    public String kind() {
        return gvk.kind();
    }

    /**
     * True if {@code /eviction} is served (core v1 Pods): a POST of a policy/v1 {@code Eviction} deletes the pod.
     * Discovery lists it as upstream does, with its own kind and the single verb {@code create}.
     */
    public boolean evictionSubresource() {
        return builtin && gvk.group().isEmpty() && gvk.kind().equals("Pod");
    }

    /** The scale subresource's paths, as in a CRD's {@code subresources.scale} (JSONPaths with a leading dot). */
    public record ScaleSubresource(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {
    }

    /**
     * One printer column, as in a CRD's {@code additionalPrinterColumns}.
     *
     * @param type     {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
     * @param jsonPath a JSONPath such as {@code .status.phase} or {@code .status.conditions[?(@.type=="Ready")].status}
     */
    public record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {
    }
}
