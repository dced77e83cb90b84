package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.testing.CorePlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, for the whole of a test, every HealthCheckSucceeded=False reason each Machine of a namespace ever
 * carried, and whether it ever carried OwnerRemediated: a marked Machine is usually deleted by its MachineSet
 * moments later, so the final state alone cannot show that it was marked.
 */
final class HealthCheckMarks implements AutoCloseable {
    private final Map<String, Set<String>> reasons = new ConcurrentHashMap<>();
    private final Set<String> ownerRemediated = ConcurrentHashMap.newKeySet();
    private final SharedIndexInformer<GenericKubernetesResource> informer;

    HealthCheckMarks(CorePlane plane, String namespace) {
        informer = plane.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                .inNamespace(namespace).inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource machine) {
                        record(machine);
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource machine) {
                        record(machine);
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource machine, boolean unknownFinalState) {
                    }
                });
    }

    /** The HealthCheckSucceeded=False reasons {@code machine} has carried. */
    Set<String> reasons(String machine) {
        return reasons.getOrDefault(machine, Set.of());
    }

    /** Whether any Machine ever carried an OwnerRemediated condition. */
    boolean anyOwnerRemediated() {
        return !ownerRemediated.isEmpty();
    }

    private void record(GenericKubernetesResource machine) {
        String name = machine.getMetadata().getName();
        for (JsonNode c : Trees.of(machine).at("/status/conditions")) {
            String type = c.path("type").asText();
            if (type.equals("HealthCheckSucceeded") && c.path("status").asText().equals("False")) {
                reasons.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet()).add(c.path("reason").asText());
            }
            if (type.equals("OwnerRemediated")) {
                ownerRemediated.add(name);
            }
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
