package io.capj.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.Times;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The namespaces every Kubernetes API server has from the start: default, kube-system, kube-public, kube-node-lease. */
final class DefaultNamespaces {
    static final List<String> NAMES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private DefaultNamespaces() {
    }

    static void ensure(ObjectStore objects, Registry registry, Clock clock) {
        ResourceType namespaces = registry.lookup("", "v1", "namespaces");
        for (String name : NAMES) {
            if (objects.get(namespaces, "", name) != null) {
                continue;
            }
            ObjectNode ns = Json.object();
            ns.put("apiVersion", "v1").put("kind", "Namespace");
            ns.putObject("metadata").put("name", name).put("uid", UUID.randomUUID().toString())
                    .put("creationTimestamp", Times.format(clock.instant()))
                    .putObject("labels").put("kubernetes.io/metadata.name", name);
            ns.putObject("spec").putArray("finalizers").add("kubernetes");
            ns.putObject("status").put("phase", "Active");
            try {
                objects.create(namespaces, ns);
            } catch (StatusException e) {
                if (!"AlreadyExists".equals(e.reason())) {
                    throw e;
                }
            }
        }
    }
}
