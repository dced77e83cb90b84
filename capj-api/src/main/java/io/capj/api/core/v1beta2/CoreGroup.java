package io.capj.api.core.v1beta2;

/** The {@code cluster.x-k8s.io} API group as served by capj: its name, version and kubectl category. */
public final class CoreGroup {
    /** The API group. */
    public static final String NAME = "cluster.x-k8s.io";
    /** The only served (and stored) version. */
    public static final String VERSION = "v1beta2";
    /** {@code NAME/VERSION}. */
    public static final String API_VERSION = NAME + "/" + VERSION;
    /** {@code kubectl get cluster-api} lists every kind in this category. */
    public static final String CATEGORY = "cluster-api";

    private CoreGroup() {
    }

    /** The JSONPath of a condition's status, for printer columns. */
    static String conditionStatus(String conditionType) {
        return ".status.conditions[?(@.type==\"" + conditionType + "\")].status";
    }
}
