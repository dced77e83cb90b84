package io.capj.api.core.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read-only typed view of a Cluster's JSON: {@code ClusterView.of(json).spec().controlPlaneEndpoint()}.
 * Views read the tree as it is at each call and never copy or change it; absent fields read as empty,
 * false or zero.
 */
public record ClusterView(JsonNode json) {

    public static ClusterView of(JsonNode json) {
        return new ClusterView(json);
    }

    public Spec spec() {
        return new Spec(json.path("spec"));
    }

    public Status status() {
        return new Status(json.path("status"));
    }

    /** {@code host:port} where the workload cluster's API server listens. */
    public record Endpoint(String host, int port) {
        /** Both parts set, as the Provisioned phase requires. */
        public boolean isValid() {
            return !host.isEmpty() && port != 0;
        }

        /** {@code host:port}, with an IPv6 host in brackets (Go's {@code net.JoinHostPort}). */
        public String hostPort() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** {@code Cluster.spec}. */
    public record Spec(JsonNode json) {
        public boolean paused() {
            return json.path("paused").asBoolean(false);
        }

        public Optional<Endpoint> controlPlaneEndpoint() {
            JsonNode e = json.path("controlPlaneEndpoint");
            return e.isObject() ? Optional.of(new Endpoint(e.path("host").asText(), e.path("port").asInt()))
                    : Optional.empty();
        }

        public Optional<ContractRef> controlPlaneRef() {
            return ContractRef.from(json.get("controlPlaneRef"));
        }

        public Optional<ContractRef> infrastructureRef() {
            return ContractRef.from(json.get("infrastructureRef"));
        }

        /** Whether the Cluster is managed through a ClusterClass topology. */
        public boolean hasTopology() {
            return json.path("topology").isObject();
        }

        /** {@code topology.classRef.name}, empty without a topology. */
        public String topologyClassName() {
            return json.at("/topology/classRef/name").asText();
        }

        /** {@code topology.version}, empty without a topology. */
        public String topologyVersion() {
            return json.at("/topology/version").asText();
        }
    }

    /** {@code Cluster.status}. */
    public record Status(JsonNode json) {
        public String phase() {
            return json.path("phase").asText();
        }

        public boolean infrastructureProvisioned() {
            return json.at("/initialization/infrastructureProvisioned").asBoolean(false);
        }

        public boolean controlPlaneInitialized() {
            return json.at("/initialization/controlPlaneInitialized").asBoolean(false);
        }

        public long observedGeneration() {
            return json.path("observedGeneration").asLong();
        }

        /** Names of the reported failure domains. */
        public List<String> failureDomains() {
            List<String> names = new ArrayList<>();
            json.path("failureDomains").forEach(domain -> names.add(domain.path("name").asText()));
            return names;
        }

        public List<Condition> conditions() {
            return Condition.all(json);
        }

        public Optional<Condition> condition(String type) {
            return Condition.find(json, type);
        }
    }
}
