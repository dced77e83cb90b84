package io.capj.bootstrap.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Resolves the parts of a KubeadmConfig spec that point into Secrets of its namespace, in place on a copy:
 * {@code files[].contentFrom.secret} becomes {@code content}, {@code users[].passwdFrom.secret} becomes
 * {@code passwd}. A missing Secret or key fails with a message naming it.
 */
final class SecretSources {
    private final KubernetesClient client;

    SecretSources(KubernetesClient client) {
        this.client = client;
    }

    void resolve(ObjectNode spec, String namespace) {
        for (JsonNode file : spec.path("files")) {
            JsonNode source = file.path("contentFrom").path("secret");
            if (!source.isMissingNode()) {
                ((ObjectNode) file).put("content", read(namespace, source, "spec.files[" + file.path("path").asText()
                        + "].contentFrom"));
                ((ObjectNode) file).remove("contentFrom");
            }
        }
        for (JsonNode user : spec.path("users")) {
            JsonNode source = user.path("passwdFrom").path("secret");
            if (!source.isMissingNode()) {
                ((ObjectNode) user).put("passwd", read(namespace, source, "spec.users[" + user.path("name").asText()
                        + "].passwdFrom"));
                ((ObjectNode) user).remove("passwdFrom");
            }
        }
    }

    private String read(String namespace, JsonNode source, String field) {
        String name = source.path("name").asText();
        String key = source.path("key").asText();
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            throw new IllegalStateException(field + ": secret not found: " + namespace + "/" + name);
        }
        String value = secret.getData() == null ? null : secret.getData().get(key);
        if (value == null) {
            throw new IllegalStateException(field + ": secret " + namespace + "/" + name
                    + " has no key \"" + key + "\"");
        }
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
