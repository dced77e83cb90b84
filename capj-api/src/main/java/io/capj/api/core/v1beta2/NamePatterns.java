package io.capj.api.core.v1beta2;

/**
 * The Kubernetes name and key syntaxes that Cluster API's schemas enforce with {@code pattern}, written once
 * so every kind agrees on them.
 */
public final class NamePatterns {
    /** RFC 1123 subdomain: object names, API groups (at most 253 characters). */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** RFC 1123 label: namespaces (at most 63 characters). */
    public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    /** A kind: a letter, then letters, digits and dashes, not ending in a dash. */
    public static final String KIND = "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$";
    /** {@code group/version}. */
    public static final String API_VERSION =
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[a-z]([-a-z0-9]*[a-z0-9])?$";
    /** A qualified name with an optional DNS prefix: condition types. */
    public static final String CONDITION_TYPE =
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";
    /** A CamelCase reason, as metav1.Condition requires. */
    public static final String CONDITION_REASON = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";
    /** A taint key: a qualified name with an optional DNS prefix. */
    public static final String TAINT_KEY =
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$";
    /** A taint value: empty or a label value. */
    public static final String TAINT_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

    private NamePatterns() {
    }
}
