package io.capj.apiserver.internal.http;

import io.capj.apimachinery.StatusException;
import java.util.Arrays;
import java.util.List;

/**
 * What a resource request path names: {@code /api/v1/...} or {@code /apis/<g>/<v>/...}, then
 * {@code [watch/][namespaces/<ns>/]<resource>[/<name>[/<subresource>]]}, and the verb its method implies.
 *
 * @param legacyWatch true for the deprecated {@code /watch/} path prefix
 */
public record RequestInfo(String group, String version, String namespace, String resource, String name,
                          String subresource, boolean legacyWatch) {

    /** Parses a resource path, or returns null if the path is not a resource path (discovery and the like). */
    public static RequestInfo parse(String path) {
        List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        String version;
        int i;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            i = 2;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            i = 3;
        } else {
            return null;
        }
        List<String> rest = parts.subList(i, parts.size());
        boolean watch = false;
        if (!rest.isEmpty() && rest.get(0).equals("watch")) {
            watch = true;
            rest = rest.subList(1, rest.size());
        }
        return resourcePart(group, version, rest, watch);
    }

    private static RequestInfo resourcePart(String group, String version, List<String> rest, boolean watch) {
        if (rest.isEmpty() || rest.size() > 5) {
            throw StatusException.pathNotFound();
        }
        String namespace = "";
        List<String> r = rest;
        boolean namespaceObject = r.get(0).equals("namespaces") && group.isEmpty()
                && (r.size() <= 2 || r.size() == 3 && isNamespaceSubresource(r.get(2)));
        if (r.get(0).equals("namespaces") && !namespaceObject) {
            if (r.size() < 3) {
                throw StatusException.pathNotFound();
            }
            namespace = r.get(1);
            r = r.subList(2, r.size());
        }
        if (r.size() > 3) {
            throw StatusException.pathNotFound();
        }
        String name = r.size() > 1 ? r.get(1) : "";
        String sub = r.size() > 2 ? r.get(2) : "";
        return new RequestInfo(group, version, namespace, r.get(0), name, sub, watch);
    }

    private static boolean isNamespaceSubresource(String s) {
        return s.equals("status") || s.equals("finalize");
    }

    /** The Kubernetes verb for an HTTP method on this path. */
    public String verb(String method, boolean watchParam) {
        boolean item = !name.isEmpty();
        return switch (method) {
            case "GET", "HEAD" -> legacyWatch || watchParam ? "watch" : item ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> item ? "delete" : "deletecollection";
            default -> throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
        };
    }
}
