package io.capj.apimachinery;

/** An API group, version and kind; the core group is the empty string. */
public record GroupVersionKind(String group, String version, String kind) {

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public GroupVersionResource withResource(String resource) {
        return new GroupVersionResource(group, version, resource);
    }

    /** Splits an apiVersion ({@code v1} or {@code g/v}) and adds the kind. */
    public static GroupVersionKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0
                ? new GroupVersionKind("", apiVersion, kind)
                : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    @Override
    public String toString() {
        return apiVersion() + ", Kind=" + kind;
    }
}
