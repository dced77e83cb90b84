package io.capj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream Cluster API templates from {@code src/test/resources/fixtures}, with {@code ${VAR}},
 * {@code ${VAR:=default}} and {@code ${VAR:-default}} filled as {@code clusterctl generate cluster} fills
 * them, split into objects.
 */
public final class UpstreamFixtures {
    /** The variables the fixtures use, with values a quick-start user would pick. */
    static final Map<String, String> VARIABLES = Map.of(
            "KUBERNETES_VERSION", "v1.33.0",
            "CONTROL_PLANE_MACHINE_COUNT", "3",
            "WORKER_MACHINE_COUNT", "2",
            "DOCKER_SERVICE_CIDRS", "10.128.0.0/12",
            "DOCKER_POD_CIDRS", "192.168.0.0/16",
            "DOCKER_SERVICE_DOMAIN", "cluster.local");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^}]*))?}");

    private UpstreamFixtures() {
    }

    /** The objects of one fixture file for a cluster named {@code clusterName} in {@code namespace}. */
    public static List<ObjectNode> load(String file, String clusterName, String namespace) {
        Map<String, String> values = new java.util.HashMap<>(VARIABLES);
        values.put("CLUSTER_NAME", clusterName);
        values.put("NAMESPACE", namespace);
        String yaml = substitute(read("/fixtures/" + file), values);
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = Json.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object && object.has("kind")) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + file + " is not YAML", e);
        }
        return objects;
    }

    /** Fills every variable; one without a value or a default is an error, as in clusterctl. */
    static String substitute(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group(2));
            if (value == null) {
                throw new IllegalArgumentException("variable " + m.group(1) + " has no value and no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = UpstreamFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
