package io.capj.apiserver.internal.handlers;

import io.capj.apimachinery.GroupVersionResource;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;

/**
 * NamespaceLifecycle admission: namespaced objects may only be created in a namespace that exists and
 * is not terminating.
 */
final class NamespaceGuard {
    static final GroupVersionResource NAMESPACES = new GroupVersionResource("", "v1", "namespaces");

    private NamespaceGuard() {
    }

    static void checkCreate(ApiContext ctx, ResourceType type, String namespace) {
        if (!type.namespaced()) {
            return;
        }
        ResourceType namespaces = ctx.registry().lookup("", "v1", "namespaces");
        StoredObject ns = ctx.objects().get(namespaces, "", namespace);
        if (ns == null) {
            throw StatusException.notFound(NAMESPACES, namespace);
        }
        if ("Terminating".equals(ns.object().path("status").path("phase").asText())) {
            throw new StatusException(403, "Forbidden", "unable to create new content in namespace " + namespace
                    + " because it is being terminated", null);
        }
    }
}
