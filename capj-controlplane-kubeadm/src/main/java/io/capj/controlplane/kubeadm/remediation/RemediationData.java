package io.capj.controlplane.kubeadm.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Upstream's {@code RemediationData}: which Machine was last remediated, when, and how many retries that
 * sequence has used. It travels as JSON {@code {"machine":..,"timestamp":..,"retryCount":..}} in the KCP's
 * {@code remediation-in-progress} annotation and then in the replacement Machine's {@code remediation-for}
 * annotation; the timestamp is RFC 3339 in UTC at second precision, as {@code metav1.Time} writes it.
 */
public record RemediationData(String machine, Optional<Instant> timestamp, int retryCount) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RemediationData {
        timestamp = timestamp == null ? Optional.empty() : timestamp;
    }

    public static RemediationData of(String machine, Instant timestamp, int retryCount) {
        return new RemediationData(machine, Optional.of(timestamp), retryCount);
    }

    /** Parses an annotation value; a malformed value is an error, as upstream. */
    public static RemediationData fromAnnotation(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("failed to unmarshal value " + value + " for remediation annotation", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("failed to unmarshal value " + value + " for remediation annotation");
        }
        return new RemediationData(node.path("machine").asText(""), ControlPlaneMachine.instant(node.path("timestamp")),
                node.path("retryCount").asInt(0));
    }

    public String toAnnotation() {
        ObjectNode node = JSON.createObjectNode();
        node.put("machine", machine);
        if (timestamp.isPresent()) {
            node.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp.get().truncatedTo(ChronoUnit.SECONDS)));
        } else {
            node.putNull("timestamp");
        }
        node.put("retryCount", retryCount);
        return node.toString();
    }

    public RemediationData withRetryCount(int count) {
        return new RemediationData(machine, timestamp, count);
    }
}
