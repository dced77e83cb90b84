package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.List;
import java.util.Map;

/**
 * The query and path parameters of resource operations, by option type, as apiserver's {@code AddObjectParams}
 * publishes them. kubectl's field validation probe looks for {@code fieldValidation} among a PATCH operation's own
 * parameters, so every write operation lists it.
 */
final class OpenApiParameters {
    private static final Map<String, String[]> QUERY = Map.ofEntries(
            query("pretty", "string", "If 'true', then the output is pretty printed. Defaults to 'false' unless the "
                    + "user-agent indicates a browser or command-line HTTP tool (curl and wget)."),
            query("dryRun", "string", "When present, indicates that modifications should not be persisted. An "
                    + "invalid or unrecognized dryRun directive will result in an error response and no further "
                    + "processing of the request. Valid values are: - All: all dry run stages will be processed"),
            query("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is "
                    + "making these changes. The value must be less than or 128 characters long, and only contain "
                    + "printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint."),
            query("fieldValidation", "string", "fieldValidation instructs the server on how to handle objects in the "
                    + "request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: "
                    + "unknown fields are silently dropped. - Warn: a warning is sent for each unknown or duplicate "
                    + "field. - Strict: the request fails with a BadRequest error listing them."),
            query("force", "boolean", "Force is going to \"force\" Apply requests. It means user will re-acquire "
                    + "conflicting fields owned by other people. Force flag must be unset for non-apply patch "
                    + "requests."),
            query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. "
                    + "Defaults to everything."),
            query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. "
                    + "Defaults to everything."),
            query("watch", "boolean", "Watch for changes to the described resources and return them as a stream of "
                    + "add, update, and remove notifications. Specify resourceVersion."),
            query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type "
                    + "\"BOOKMARK\"."),
            query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request "
                    + "may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/"
                    + "#resource-versions for details.\n\nDefaults to unset"),
            query("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to "
                    + "list calls.\n\nDefaults to unset"),
            query("sendInitialEvents", "boolean", "`sendInitialEvents=true` may be set together with `watch=true`. "
                    + "In that case, the watch stream will begin with synthetic events to produce the current state "
                    + "of objects in the collection."),
            query("timeoutSeconds", "integer", "Timeout for the list/watch call. This limits the duration of the "
                    + "call, regardless of any activity or inactivity."),
            query("limit", "integer", "limit is a maximum number of responses to return for a list call. If more "
                    + "items exist, the server will set the `continue` field on the list metadata."),
            query("continue", "string", "The continue option should be set when retrieving more results from the "
                    + "server."),
            query("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted. "
                    + "Value must be non-negative integer. The value zero indicates delete immediately."),
            query("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean", "if set to true, it will trigger an "
                    + "unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object "
                    + "error."),
            query("orphanDependents", "boolean", "Deprecated: please use the PropagationPolicy, this field will be "
                    + "deprecated in 1.7."),
            query("propagationPolicy", "string", "Whether and how garbage collection will be performed. Acceptable "
                    + "values are: 'Orphan', 'Background', 'Foreground'."));

    static final List<String> LIST = List.of("allowWatchBookmarks", "continue", "fieldSelector", "labelSelector",
            "limit", "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch");
    static final List<String> DELETE_COLLECTION = List.of("continue", "dryRun", "fieldSelector", "gracePeriodSeconds",
            "ignoreStoreReadErrorWithClusterBreakingPotential", "labelSelector", "limit", "orphanDependents",
            "propagationPolicy", "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds");
    static final List<String> CREATE_UPDATE = List.of("dryRun", "fieldManager", "fieldValidation");
    static final List<String> PATCH = List.of("dryRun", "fieldManager", "fieldValidation", "force");
    static final List<String> DELETE = List.of("dryRun", "gracePeriodSeconds",
            "ignoreStoreReadErrorWithClusterBreakingPotential", "orphanDependents", "propagationPolicy");

    private OpenApiParameters() {
    }

    private static Map.Entry<String, String[]> query(String name, String type, String description) {
        return Map.entry(name, new String[] {type, description});
    }

    static ObjectNode query(String name) {
        String[] spec = QUERY.get(name);
        ObjectNode p = Json.object();
        p.put("name", name).put("in", "query").put("description", spec[1]);
        p.putObject("schema").put("type", spec[0]).put("uniqueItems", true);
        return p;
    }

    static ObjectNode path(String name, String description) {
        ObjectNode p = Json.object();
        p.put("name", name).put("in", "path").put("description", description).put("required", true);
        p.putObject("schema").put("type", "string").put("uniqueItems", true);
        return p;
    }
}
