package io.capj.api.core.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A read-only typed view of a Machine's JSON. {@link Spec} also reads the template spec of MachineSets and
 * MachineDeployments. Absent fields read as empty, false or zero.
 */
public record MachineView(JsonNode json) {

    public static MachineView of(JsonNode json) {
        return new MachineView(json);
    }

    public Spec spec() {
        return new Spec(json.path("spec"));
    }

    public Status status() {
        return new Status(json.path("status"));
    }

    /** Whether the Machine carries the {@code cluster.x-k8s.io/control-plane} label. */
    public boolean isControlPlane() {
        return json.path("metadata").path("labels").has(CoreLabels.MachineControlPlaneLabel);
    }

    /** {@code MachineSpec}. */
    public record Spec(JsonNode json) {
        public String clusterName() {
            return json.path("clusterName").asText();
        }

        public Optional<ContractRef> bootstrapConfigRef() {
            return ContractRef.from(json.at("/bootstrap/configRef"));
        }

        /** A preset or copied bootstrap data secret; set means bootstrap is done. */
        public Optional<String> dataSecretName() {
            return text(json.at("/bootstrap/dataSecretName"));
        }

        public Optional<ContractRef> infrastructureRef() {
            return ContractRef.from(json.get("infrastructureRef"));
        }

        public Optional<String> version() {
            return text(json.path("version"));
        }

        public Optional<String> providerID() {
            return text(json.path("providerID"));
        }

        public Optional<String> failureDomain() {
            return text(json.path("failureDomain"));
        }

        public int minReadySeconds() {
            return json.path("minReadySeconds").asInt(0);
        }

        /** {@code deletion.nodeDrainTimeoutSeconds}; absent means drain without limit. */
        public OptionalInt nodeDrainTimeoutSeconds() {
            return integer(json.at("/deletion/nodeDrainTimeoutSeconds"));
        }

        /** {@code deletion.nodeVolumeDetachTimeoutSeconds}; absent means wait without limit. */
        public OptionalInt nodeVolumeDetachTimeoutSeconds() {
            return integer(json.at("/deletion/nodeVolumeDetachTimeoutSeconds"));
        }

        /** {@code deletion.nodeDeletionTimeoutSeconds}; the webhook defaults it to 10, 0 retries forever. */
        public OptionalInt nodeDeletionTimeoutSeconds() {
            return integer(json.at("/deletion/nodeDeletionTimeoutSeconds"));
        }
    }

    /** {@code MachineStatus}. */
    public record Status(JsonNode json) {
        public String phase() {
            return json.path("phase").asText();
        }

        public Optional<String> nodeName() {
            return text(json.at("/nodeRef/name"));
        }

        public boolean infrastructureProvisioned() {
            return json.at("/initialization/infrastructureProvisioned").asBoolean(false);
        }

        public boolean bootstrapDataSecretCreated() {
            return json.at("/initialization/bootstrapDataSecretCreated").asBoolean(false);
        }

        /** The first address of the given type (InternalIP, ExternalIP, Hostname, ...). */
        public Optional<String> address(String type) {
            for (JsonNode address : json.path("addresses")) {
                if (type.equals(address.path("type").asText())) {
                    return Optional.of(address.path("address").asText());
                }
            }
            return Optional.empty();
        }

        public List<Condition> conditions() {
            return Condition.all(json);
        }

        public Optional<Condition> condition(String type) {
            return Condition.find(json, type);
        }
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    static OptionalInt integer(JsonNode node) {
        return node.isIntegralNumber() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }
}
