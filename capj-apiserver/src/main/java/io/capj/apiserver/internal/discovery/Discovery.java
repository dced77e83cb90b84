package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Discovery documents for one snapshot of served resources. {@link #api} and {@link #apis} answer
 * {@code GET /api} and {@code GET /apis} in the {@link DiscoveryNegotiation negotiated} format; the other methods
 * answer the legacy per-group and per-version paths (fabric8 calls {@code /apis/<g>/<v>} even when aggregated
 * discovery exists). An empty Optional means the path does not exist (404). Immutable and thread-safe.
 */
public final class Discovery {
    private final ApiIndex index;

    public Discovery(Collection<ResourceDefinition> definitions) {
        this.index = new ApiIndex(definitions);
    }

    /**
     * {@code GET /api}: the core group as aggregated discovery, or legacy {@code APIVersions}.
     *
     * @param serverAddress {@code host:port} clients should use, published in {@code serverAddressByClientCIDRs}
     */
    public ObjectNode api(DiscoveryFormat format, String serverAddress) {
        if (format.isAggregated()) {
            return AggregatedDiscovery.list(index.core().map(List::of).orElse(List.of()), format);
        }
        return LegacyDiscovery.apiVersions(index, serverAddress);
    }

    /** {@code GET /apis}: every named group as aggregated discovery, or legacy {@code APIGroupList}. */
    public ObjectNode apis(DiscoveryFormat format) {
        if (format.isAggregated()) {
            return AggregatedDiscovery.list(index.groups(), format);
        }
        return LegacyDiscovery.groupList(index);
    }

    /** {@code GET /apis/<group>}: one {@code APIGroup}. */
    public Optional<ObjectNode> group(String group) {
        if (group.isEmpty()) {
            return Optional.empty();
        }
        return index.group(group).map(LegacyDiscovery::group);
    }

    /** {@code GET /api/v1} (group {@code ""}) or {@code GET /apis/<group>/<version>}: one {@code APIResourceList}. */
    public Optional<ObjectNode> resourceList(String group, String version) {
        return index.groupVersion(group, version).map(gv -> LegacyDiscovery.resourceList(index, gv));
    }
}
