package io.capj.contract;

/** {@code controlPlaneEndpoint}: where the workload cluster's API server is reached. */
public record ApiEndpoint(String host, long port) {
    /** Upstream treats an endpoint as set only when both host and port are. */
    public boolean isValid() {
        return host != null && !host.isEmpty() && port != 0;
    }
}
