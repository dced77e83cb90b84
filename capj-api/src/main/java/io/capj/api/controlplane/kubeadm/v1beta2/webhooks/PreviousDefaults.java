package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kubeadm config defaults Cluster API webhooks wrote before v1.11 (upstream's
 * {@code ApplyPreviousKubeadmConfigDefaults}): applied to both sides before comparing, so objects stored with
 * them compare equal to objects written without them.
 */
final class PreviousDefaults {
    private PreviousDefaults() {
    }

    /** Fills the old defaults into the {@code kubeadmConfigSpec} of a control plane spec, in place. */
    static void apply(ObjectNode controlPlaneSpec) {
        ObjectNode config = child(controlPlaneSpec, "kubeadmConfigSpec");
        if (config.path("format").asText().isEmpty()) {
            config.put("format", "cloud-config");
        }
        for (String phase : new String[] {"initConfiguration", "joinConfiguration"}) {
            ObjectNode registration = child(child(config, phase), "nodeRegistration");
            if (registration.path("imagePullPolicy").asText().isEmpty()) {
                registration.put("imagePullPolicy", "IfNotPresent");
            }
        }
        JsonNode exec = config.at("/joinConfiguration/discovery/file/kubeConfig/user/exec");
        if (exec instanceof ObjectNode execNode && !execNode.isEmpty()
                && execNode.path("apiVersion").asText().isEmpty()) {
            execNode.put("apiVersion", "client.authentication.k8s.io/v1");
        }
    }

    /** A child object, created when absent. */
    static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode c ? c : parent.putObject(name);
    }
}
