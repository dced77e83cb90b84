package io.capj.apimachinery;

/** An API group, version and resource (plural); the core group is the empty string. */
public record GroupVersionResource(String group, String version, String resource) {

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code resource.group} (or just {@code resource} for the core group), as in upstream messages. */
    public String groupResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
