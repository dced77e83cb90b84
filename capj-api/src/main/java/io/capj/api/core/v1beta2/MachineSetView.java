package io.capj.api.core.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A read-only typed view of a MachineSet's JSON; {@link ReplicaStatus} is shared with MachineDeployment and
 * KubeadmControlPlane. Absent fields read as empty, false or zero.
 */
public record MachineSetView(JsonNode json) {
    /** The deletion order upstream uses when none is set. */
    public static final String DEFAULT_DELETION_ORDER = "Random";

    public static MachineSetView of(JsonNode json) {
        return new MachineSetView(json);
    }

    public String clusterName() {
        return json.at("/spec/clusterName").asText();
    }

    /** {@code spec.replicas}; absent until defaulted. */
    public OptionalInt replicas() {
        return MachineView.integer(json.at("/spec/replicas"));
    }

    /** {@code spec.selector} as a {@code metav1.LabelSelector} JSON object. */
    public JsonNode selector() {
        return json.at("/spec/selector");
    }

    /** The labels and annotations the set stamps onto its Machines. */
    public JsonNode templateMetadata() {
        return json.at("/spec/template/metadata");
    }

    public MachineView.Spec template() {
        return new MachineView.Spec(json.at("/spec/template/spec"));
    }

    /** Random, Newest or Oldest. */
    public String deletionOrder() {
        return MachineView.text(json.at("/spec/deletion/order")).orElse(DEFAULT_DELETION_ORDER);
    }

    public Optional<String> machineNamingTemplate() {
        return MachineView.text(json.at("/spec/machineNaming/template"));
    }

    public ReplicaStatus status() {
        return new ReplicaStatus(json.path("status"));
    }

    /** The counters, selector and conditions of a MachineSet or MachineDeployment status. */
    public record ReplicaStatus(JsonNode json) {
        public int replicas() {
            return json.path("replicas").asInt(0);
        }

        public int readyReplicas() {
            return json.path("readyReplicas").asInt(0);
        }

        public int availableReplicas() {
            return json.path("availableReplicas").asInt(0);
        }

        public int upToDateReplicas() {
            return json.path("upToDateReplicas").asInt(0);
        }

        /** The label selector as a string, for the scale subresource. */
        public String selector() {
            return json.path("selector").asText();
        }

        public long observedGeneration() {
            return json.path("observedGeneration").asLong();
        }

        public String phase() {
            return json.path("phase").asText();
        }

        public List<Condition> conditions() {
            return Condition.all(json);
        }

        public Optional<Condition> condition(String type) {
            return Condition.find(json, type);
        }
    }
}
