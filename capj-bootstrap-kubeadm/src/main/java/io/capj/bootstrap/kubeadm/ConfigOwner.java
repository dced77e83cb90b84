package io.capj.bootstrap.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.apimachinery.ObjectMeta;
import java.util.Optional;

/**
 * The Machine a KubeadmConfig bootstraps (its owner, as upstream's {@code ConfigOwner}); MachinePools are not
 * served by capj.
 */
record ConfigOwner(JsonNode machine) {

    /** The name of the Machine in {@code config}'s ownerReferences, if any. */
    static Optional<String> machineName(JsonNode config) {
        return ObjectMeta.ownerReferences(config).stream()
                .filter(ref -> "Machine".equals(ref.path("kind").asText())
                        && ref.path("apiVersion").asText().startsWith(CoreGroup.NAME + "/"))
                .map(ref -> ref.path("name").asText())
                .findFirst();
    }

    String name() {
        return ObjectMeta.name(machine);
    }

    String clusterName() {
        return MachineView.of(machine).spec().clusterName();
    }

    boolean isControlPlane() {
        return MachineView.of(machine).isControlPlane();
    }

    Optional<String> kubernetesVersion() {
        return MachineView.of(machine).spec().version();
    }

    Optional<String> dataSecretName() {
        return MachineView.of(machine).spec().dataSecretName();
    }

    boolean hasNodeRef() {
        return MachineView.of(machine).status().nodeName().isPresent();
    }
}
