package io.capj.apiserver.internal.discovery;

/**
 * What {@code /api} and {@code /apis} answer: aggregated discovery in one of its two versions (identical JSON
 * except {@code apiVersion}), or the legacy {@code APIVersions}/{@code APIGroupList}. client-go decides how to
 * parse the body from the response Content-Type alone, so {@link #contentType()} must be sent exactly.
 */
public enum DiscoveryFormat {
    AGGREGATED_V2("apidiscovery.k8s.io/v2", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"),
    AGGREGATED_V2BETA1("apidiscovery.k8s.io/v2beta1",
            "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"),
    LEGACY(null, "application/json");

    private final String apiVersion;
    private final String contentType;

    DiscoveryFormat(String apiVersion, String contentType) {
        this.apiVersion = apiVersion;
        this.contentType = contentType;
    }

    /** The {@code apiVersion} of an {@code APIGroupDiscoveryList}; null for legacy. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The response Content-Type, byte for byte. */
    public String contentType() {
        return contentType;
    }

    public boolean isAggregated() {
        return this != LEGACY;
    }
}
