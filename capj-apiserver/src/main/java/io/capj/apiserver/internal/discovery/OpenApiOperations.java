package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI path items of one resource: collection (and all-namespaces list), item, status and scale, with the
 * operations its verbs allow, shaped like apiextensions' OpenAPI builder output. Every operation carries
 * {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind} (the resource's kind, also on scale
 * operations). PATCH accepts JSON patch, merge patch and apply only: advertising strategic merge patch would make
 * kubectl compute SMP from these schemas, which lack the patch strategies of built-in kinds.
 */
final class OpenApiOperations {
    private static final List<String> READ_WRITE_TYPES = List.of("application/json", "application/yaml");
    private static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
            "application/merge-patch+json", "application/apply-patch+yaml");

    private final ResourceDefinition d;
    private final String model;
    private final String listModel;

    private OpenApiOperations(ResourceDefinition d) {
        this.d = d;
        this.model = OpenApiNames.model(d.group(), d.version(), d.kind(), d.builtin());
        this.listModel = OpenApiNames.model(d.group(), d.version(), d.listKind(), d.builtin());
    }

    /** Adds this resource's path items to {@code paths}, keyed by path. */
    static void addPaths(ResourceDefinition d, Map<String, ObjectNode> paths) {
        new OpenApiOperations(d).addTo(paths);
    }

    private void addTo(Map<String, ObjectNode> paths) {
        String prefix = d.group().isEmpty() ? "/api/" + d.version() : "/apis/" + d.group() + "/" + d.version();
        String root = prefix + (d.namespaced() ? "/namespaces/{namespace}/" : "/") + d.plural();
        String scope = d.namespaced() ? "Namespaced" : "";
        if (d.namespaced() && can("list")) {
            ObjectNode all = pathItem(false, false);
            all.set("get", operation("list", "list", d.kind() + "ForAllNamespaces", "", listModel));
            paths.put(prefix + "/" + d.plural(), order(all));
        }
        ObjectNode collection = pathItem(d.namespaced(), false);
        if (can("list")) {
            collection.set("get", operation("list", "list", scope + d.kind(), "", listModel));
        }
        if (can("create")) {
            collection.set("post", operation("create", "post", scope + d.kind(), "", model));
        }
        if (can("deletecollection")) {
            collection.set("delete", operation("deletecollection", "deletecollection", scope + d.kind(), "",
                    OpenApiNames.META + "Status"));
        }
        paths.put(root, order(collection));
        paths.put(root + "/{name}", order(item(scope, "", model, true)));
        if (d.statusSubresource()) {
            paths.put(root + "/{name}/status", order(item(scope, "status", model, false)));
        }
        if (d.scale() != null) {
            paths.put(root + "/{name}/scale", order(item(scope, "scale", OpenApiNames.SCALE, false)));
        }
    }

    /** An item or subresource path: read, replace, patch and (items only) delete. */
    private ObjectNode item(String scope, String sub, String bodyModel, boolean deletable) {
        ObjectNode item = pathItem(d.namespaced(), true);
        String rest = scope + d.kind() + (sub.isEmpty() ? "" : Character.toUpperCase(sub.charAt(0)) + sub.substring(1));
        boolean subresource = !sub.isEmpty();
        if (subresource || can("get")) {
            item.set("get", operation("read", "get", rest, sub, bodyModel));
        }
        if (subresource || can("update")) {
            item.set("put", operation("replace", "put", rest, sub, bodyModel));
        }
        if (deletable && can("delete")) {
            item.set("delete", operation("delete", "delete", rest, sub, OpenApiNames.META + "Status"));
        }
        if (subresource || can("patch")) {
            item.set("patch", operation("patch", "patch", rest, sub, bodyModel));
        }
        return item;
    }

    private ObjectNode pathItem(boolean namespaced, boolean named) {
        ObjectNode item = Json.object();
        ArrayNode params = item.putArray("parameters");
        if (named) {
            params.add(OpenApiParameters.path("name", "name of the " + d.kind()));
        }
        if (namespaced) {
            params.add(OpenApiParameters.path("namespace",
                    "object name and auth scope, such as for teams and projects"));
        }
        params.add(OpenApiParameters.query("pretty"));
        return item;
    }

    private ObjectNode operation(String verb, String action, String rest, String sub, String responseModel) {
        ObjectNode op = Json.object();
        op.putArray("tags").add(OpenApiNames.tag(d.group(), d.version()));
        op.put("description", description(verb, sub));
        op.put("operationId", OpenApiNames.operationId(verb, d.group(), d.version(), rest));
        List<String> params = parameters(action);
        if (!params.isEmpty()) {
            ArrayNode p = op.putArray("parameters");
            params.forEach(name -> p.add(OpenApiParameters.query(name)));
        }
        requestBody(action, responseModel).ifPresent(body -> op.set("requestBody", body));
        op.set("responses", responses(action, responseModel));
        op.put("x-kubernetes-action", action);
        op.putObject("x-kubernetes-group-version-kind")
                .put("group", d.group()).put("version", d.version()).put("kind", d.kind());
        return op;
    }

    private static List<String> parameters(String action) {
        return switch (action) {
            case "list" -> OpenApiParameters.LIST;
            case "deletecollection" -> OpenApiParameters.DELETE_COLLECTION;
            case "post", "put" -> OpenApiParameters.CREATE_UPDATE;
            case "patch" -> OpenApiParameters.PATCH;
            case "delete" -> OpenApiParameters.DELETE;
            default -> List.of();
        };
    }

    private Optional<ObjectNode> requestBody(String action, String bodyModel) {
        ObjectNode body = Json.object();
        switch (action) {
            case "post", "put" -> content(body.putObject("content"), READ_WRITE_TYPES, bodyModel);
            case "patch" -> content(body.putObject("content"), PATCH_TYPES, OpenApiNames.META + "Patch");
            case "delete", "deletecollection" ->
                    content(body.putObject("content"), READ_WRITE_TYPES, OpenApiNames.META + "DeleteOptions");
            default -> {
                return Optional.empty();
            }
        }
        if (!action.startsWith("delete")) {
            body.put("required", true);
        }
        return Optional.of(body);
    }

    private static ObjectNode responses(String action, String model) {
        ObjectNode responses = Json.object();
        content(responses.putObject("200").put("description", "OK").putObject("content"), READ_WRITE_TYPES, model);
        if (action.equals("post") || action.equals("put")) {
            content(responses.putObject("201").put("description", "Created").putObject("content"),
                    READ_WRITE_TYPES, model);
        }
        if (action.equals("post") || action.equals("delete")) {
            content(responses.putObject("202").put("description", "Accepted").putObject("content"),
                    READ_WRITE_TYPES, model);
        }
        responses.putObject("401").put("description", "Unauthorized");
        return responses;
    }

    private static void content(ObjectNode content, List<String> mediaTypes, String model) {
        mediaTypes.forEach(t -> content.putObject(t).putObject("schema").put("$ref", OpenApiNames.ref(model)));
    }

    /** apiextensions' wording: {@code partially update status of the specified Cluster}, {@code create an Event}. */
    private String description(String verb, String sub) {
        String of = sub.isEmpty() ? "" : " " + sub + " of";
        return switch (verb) {
            case "list" -> "list objects of kind " + d.kind();
            case "read", "replace" -> verb + of + " the specified " + d.kind();
            case "patch" -> "partially update" + of + " the specified " + d.kind();
            case "deletecollection" -> "delete collection of " + d.kind();
            default -> verb + of + article(d.kind()) + d.kind();
        };
    }

    private static String article(String noun) {
        if (noun.endsWith("s") && !noun.endsWith("ss")) {
            return " ";
        }
        return "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? " an " : " a ";
    }

    private boolean can(String verb) {
        return d.verbs() != null && d.verbs().contains(verb);
    }

    /** kube-openapi writes operations in a fixed order, path parameters last. */
    private static ObjectNode order(ObjectNode item) {
        ObjectNode ordered = Json.object();
        for (String method : List.of("get", "put", "post", "delete", "patch", "parameters")) {
            if (item.has(method)) {
                ordered.set(method, item.get(method));
            }
        }
        return ordered;
    }
}
