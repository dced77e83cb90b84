package io.capj.apiserver.internal.http;

/** Media types of requests and responses, and parsing of the few Accept forms clients send. */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";
    public static final String JSON_PATCH = "application/json-patch+json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    public static final String APPLY_PATCH = "application/apply-patch+yaml";
    public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private MediaTypes() {
    }

    /** The media type without parameters, lower case ({@code application/json; charset=utf-8} → {@code application/json}). */
    public static String base(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** True if the Accept header asks for a {@code meta.k8s.io} Table (v1 or v1beta1). */
    public static boolean wantsTable(String accept) {
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String p = part.replace(" ", "");
            if (p.startsWith("application/json;") && p.contains("as=Table") && p.contains("g=meta.k8s.io")) {
                return true;
            }
        }
        return false;
    }

    /** The Table apiVersion version the client listed first (v1 or v1beta1). */
    public static String tableVersion(String accept) {
        for (String part : accept.split(",")) {
            String p = part.replace(" ", "");
            if (p.contains("as=Table") && p.contains("g=meta.k8s.io")) {
                return p.contains("v=v1beta1") ? "v1beta1" : "v1";
            }
        }
        return "v1";
    }
}
