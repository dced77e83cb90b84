package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apiserver.internal.registry.ResourceType;
import java.util.List;

/** Renders objects as a {@code meta.k8s.io} Table (kubectl get's printer columns). */
public interface TableRenderer {

    /**
     * @param listMeta      resourceVersion/continue/remainingItemCount for the Table's metadata (may be empty)
     * @param includeObject {@code Metadata} (default), {@code Object} or {@code None}
     * @param headers       false to omit column definitions (watch events after the first)
     * @param version       the Table version the client asked for: {@code v1} or {@code v1beta1}
     */
    ObjectNode render(ResourceType type, List<ObjectNode> objects, ObjectNode listMeta, String includeObject,
                      boolean headers, String version);
}
