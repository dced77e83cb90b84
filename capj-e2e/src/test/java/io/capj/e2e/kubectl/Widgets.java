package io.capj.e2e.kubectl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubectl verbs the scenarios use on Widgets ({@code widgets.example.capj.io}, short name {@code wd}),
 * so scenarios read as stories rather than argument lists. Every method runs exactly one kubectl command.
 */
final class Widgets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kubectl kubectl;
    private final Fixtures fixtures;

    Widgets(Kubectl kubectl, Fixtures fixtures) {
        this.kubectl = kubectl;
        this.fixtures = fixtures;
    }

    /** Renders {@code widget.yaml} (size {@code 1m}) and returns the file. */
    String manifest(String ns, String name, String color, int replicas) {
        return fixtures.render("widget.yaml", Map.of("namespace", ns, "name", name, "color", color,
                "size", "1m", "replicas", Integer.toString(replicas)));
    }

    /** {@code kubectl apply -f} of a valid widget. */
    KubectlResult apply(String ns, String name, String color, int replicas) {
        return kubectl.run("apply", "-f", manifest(ns, name, color, replicas));
    }

    /** {@code kubectl patch wd NAME --type merge -p PATCH}. */
    KubectlResult mergePatch(String ns, String name, String patch) {
        return kubectl.run("patch", "wd", name, "-n", ns, "--type", "merge", "-p", patch);
    }

    /** {@code kubectl patch wd NAME --type json -p PATCH}. */
    KubectlResult jsonPatch(String ns, String name, String patch) {
        return kubectl.run("patch", "wd", name, "-n", ns, "--type", "json", "-p", patch);
    }

    /** {@code kubectl patch wd NAME --subresource=status --type merge -p PATCH}. */
    KubectlResult statusPatch(String ns, String name, String patch) {
        return kubectl.run("patch", "wd", name, "-n", ns, "--subresource=status", "--type", "merge", "-p", patch);
    }

    /** A widget's fields rendered through {@code kubectl get wd NAME -o jsonpath=TEMPLATE}. */
    String field(String ns, String name, String template) {
        return kubectl.run("get", "wd", name, "-n", ns, "-o", "jsonpath=" + template).requireSuccess().value();
    }

    /** {@code kubectl get wd NAME -o json [FLAGS]}, parsed. */
    JsonNode json(String ns, String name, String... flags) {
        List<String> args = new ArrayList<>(List.of("get", "wd", name, "-n", ns, "-o", "json"));
        args.addAll(List.of(flags));
        return parse(kubectl.run(args.toArray(String[]::new)));
    }

    /** Whether {@code kubectl get wd NAME --ignore-not-found} finds the widget. */
    boolean exists(String ns, String name) {
        return !kubectl.run("get", "wd", name, "-n", ns, "--ignore-not-found", "-o", "name")
                .requireSuccess().value().isEmpty();
    }

    /** Parses a successful kubectl command's JSON output. */
    static JsonNode parse(KubectlResult result) {
        try {
            return JSON.readTree(result.requireSuccess().stdout());
        } catch (JsonProcessingException e) {
            throw new AssertionError("kubectl printed invalid JSON: " + result, e);
        }
    }
}
