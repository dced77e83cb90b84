package io.capj.apiserver.internal.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Names in OpenAPI documents: schema model names ({@code io.x-k8s.cluster.v1beta2.Cluster} for CRDs, Go-package
 * style {@code io.k8s.api.core.v1.ConfigMap} for built-in kinds), operation IDs
 * ({@code patchClusterXK8sIoV1beta2NamespacedCluster}) and tags ({@code clusterXK8sIo_v1beta2}), as kube-openapi
 * derives them.
 */
final class OpenApiNames {
    static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";

    private OpenApiNames() {
    }

    /** The components.schemas key of a kind. */
    static String model(String group, String version, String kind, boolean builtin) {
        if (!builtin) {
            List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
            Collections.reverse(parts);
            return String.join(".", parts) + "." + version + "." + kind;
        }
        return switch (group) {
            case "apiextensions.k8s.io" ->
                    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + version + "." + kind;
            case "apiregistration.k8s.io" -> "io.k8s.kube-aggregator.pkg.apis.apiregistration." + version + "." + kind;
            default -> "io.k8s.api." + (group.isEmpty() ? "core" : group.split("\\.")[0]) + "." + version + "." + kind;
        };
    }

    static String ref(String model) {
        return "#/components/schemas/" + model;
    }

    /** kube-openapi's {@code GetOperationIDAndTags}: verb + group + version + the rest of the route's name. */
    static String operationId(String verb, String group, String version, String rest) {
        String prefix = verb;
        String name = rest;
        if (verb.equals("deletecollection")) {
            prefix = "delete";
            name = "Collection" + rest;
        }
        return prefix + validId(groupToken(group), true) + validId(version, true) + name;
    }

    static String tag(String group, String version) {
        return validId(groupToken(group), false) + "_" + validId(version, false);
    }

    private static String groupToken(String group) {
        if (group.isEmpty()) {
            return "core";
        }
        return group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
    }

    /** Drops characters that cannot appear in an identifier, capitalising the letter after each. */
    private static String validId(String s, boolean capitalizeFirst) {
        StringBuilder b = new StringBuilder();
        boolean capitalize = capitalizeFirst;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) || c == '_' || (i != 0 && Character.isDigit(c))) {
                b.append(capitalize ? Character.toUpperCase(c) : c);
                capitalize = false;
            } else {
                capitalize = true;
            }
        }
        return b.toString();
    }
}
