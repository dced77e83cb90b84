package io.capj.apiserver.internal.table;

import io.capj.apimachinery.StatusException;

/**
 * How to render a Table: what each row's {@code object} carries, whether column definitions are sent (watch
 * events after the first omit them) and the negotiated Table version ({@code meta.k8s.io/v1} or {@code v1beta1}),
 * which is also the version of the rows' {@code PartialObjectMetadata}.
 */
public record TableOptions(IncludeObject includeObject, boolean noHeaders, String apiVersion) {
    public static final String V1 = "meta.k8s.io/v1";

    /** The {@code includeObject} query parameter. */
    public enum IncludeObject {
        /** {@code PartialObjectMetadata} with the object's metadata (upstream's default). */
        METADATA,
        /** The whole object. */
        OBJECT,
        /** No object ({@code "object": null}). */
        NONE
    }

    public TableOptions {
        apiVersion = apiVersion == null || apiVersion.isEmpty() ? V1 : apiVersion;
    }

    /** Metadata rows, headers, {@code meta.k8s.io/v1}. */
    public static TableOptions defaults() {
        return new TableOptions(IncludeObject.METADATA, false, V1);
    }

    /**
     * Reads the {@code includeObject} query parameter (absent means {@code Metadata}).
     *
     * @throws StatusException 400 {@code unrecognized includeObject value: "X"}, upstream's text
     */
    public static IncludeObject parseIncludeObject(String value) {
        if (value == null || value.isEmpty()) {
            return IncludeObject.METADATA;
        }
        return switch (value) {
            case "Metadata" -> IncludeObject.METADATA;
            case "Object" -> IncludeObject.OBJECT;
            case "None" -> IncludeObject.NONE;
            default -> throw StatusException.badRequest("unrecognized includeObject value: \"" + value + "\"");
        };
    }

    public TableOptions withNoHeaders() {
        return new TableOptions(includeObject, true, apiVersion);
    }
}
