package io.capj.api.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Locale;

/**
 * Builds one apiextensions.k8s.io/v1 CustomResourceDefinition serving a single version, which is also the
 * storage version. The status subresource is on unless {@link #withoutStatus()} says otherwise;
 * {@link #scale()} adds the scale subresource with the usual {@code .spec.replicas} / {@code .status.replicas}
 * / {@code .status.selector} paths.
 *
 * <pre>{@code
 * CrdBuilder.namespaced("cluster.x-k8s.io", "Machine").shortNames("ma").categories("cluster-api")
 *     .version("v1beta2", schema).column("Cluster", "string", ".spec.clusterName").build();
 * }</pre>
 */
public final class CrdBuilder {
    /** Columns with this priority appear only in {@code kubectl get -o wide}. */
    public static final int WIDE = 10;

    private final String group;
    private final String kind;
    private String plural;
    private String[] shortNames = {};
    private String[] categories = {};
    private String version;
    private Schema schema;
    private boolean scale;
    private boolean scaleSelector;
    private boolean status = true;
    private final ArrayNode columns = Json.MAPPER.createArrayNode();
    private final ObjectNode labels = Json.object();

    private CrdBuilder(String group, String kind) {
        this.group = group;
        this.kind = kind;
        this.plural = kind.toLowerCase(Locale.ROOT) + "s";
    }

    /** A namespaced kind whose plural is the lower-cased kind plus "s" unless {@link #plural} says otherwise. */
    public static CrdBuilder namespaced(String group, String kind) {
        return new CrdBuilder(group, kind);
    }

    public CrdBuilder plural(String value) {
        this.plural = value;
        return this;
    }

    public CrdBuilder shortNames(String... names) {
        this.shortNames = names.clone();
        return this;
    }

    public CrdBuilder categories(String... names) {
        this.categories = names.clone();
        return this;
    }

    /** A label on the definition itself, e.g. a contract version label read by Cluster API. */
    public CrdBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    /** The served and stored version and the schema of the whole object (apiVersion, kind, metadata added). */
    public CrdBuilder version(String name, Schema objectSchema) {
        this.version = name;
        this.schema = objectSchema;
        return this;
    }

    /** Adds the scale subresource over spec.replicas, status.replicas and status.selector. */
    public CrdBuilder scale() {
        this.scale = true;
        this.scaleSelector = true;
        return this;
    }

    /** Adds the scale subresource without a label selector path (for kinds that do not select their members). */
    public CrdBuilder scaleWithoutSelector() {
        this.scale = true;
        this.scaleSelector = false;
        return this;
    }

    /** For kinds without a status: no status subresource, so the main endpoint writes the whole object. */
    public CrdBuilder withoutStatus() {
        this.status = false;
        return this;
    }

    /** A printer column shown by {@code kubectl get}. */
    public CrdBuilder column(String name, String type, String jsonPath) {
        columns.addObject().put("name", name).put("type", type).put("jsonPath", jsonPath);
        return this;
    }

    /** A printer column shown only with {@code -o wide}. */
    public CrdBuilder wideColumn(String name, String type, String jsonPath) {
        columns.addObject().put("name", name).put("type", type).put("jsonPath", jsonPath).put("priority", WIDE);
        return this;
    }

    /** The CRD as JSON, ready to POST to {@code /apis/apiextensions.k8s.io/v1/customresourcedefinitions}. */
    public ObjectNode build() {
        if (version == null) {
            throw new IllegalStateException("CRD for " + kind + " has no version");
        }
        ObjectNode crd = Json.object();
        crd.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        ObjectNode metadata = crd.putObject("metadata").put("name", plural + "." + group);
        if (!labels.isEmpty()) {
            metadata.set("labels", labels.deepCopy());
        }
        ObjectNode spec = crd.putObject("spec").put("group", group).put("scope", "Namespaced");
        spec.set("names", names());
        spec.putArray("versions").add(versionJson());
        return crd;
    }

    private ObjectNode names() {
        ObjectNode names = Json.object().put("kind", kind).put("listKind", kind + "List").put("plural", plural)
                .put("singular", kind.toLowerCase(Locale.ROOT));
        if (shortNames.length > 0) {
            ArrayNode shorts = names.putArray("shortNames");
            for (String name : shortNames) {
                shorts.add(name);
            }
        }
        if (categories.length > 0) {
            ArrayNode cats = names.putArray("categories");
            for (String name : categories) {
                cats.add(name);
            }
        }
        return names;
    }

    private ObjectNode versionJson() {
        ObjectNode v = Json.object().put("name", version).put("served", true).put("storage", true);
        ObjectNode root = schema.toJson();
        ObjectNode props = root.withObjectProperty("properties");
        props.set("apiVersion", Json.object().put("type", "string"));
        props.set("kind", Json.object().put("type", "string"));
        props.set("metadata", Json.object().put("type", "object"));
        v.putObject("schema").set("openAPIV3Schema", root);
        ObjectNode subresources = v.putObject("subresources");
        if (status) {
            subresources.putObject("status");
        }
        if (scale) {
            ObjectNode scaleJson = subresources.putObject("scale").put("specReplicasPath", ".spec.replicas")
                    .put("statusReplicasPath", ".status.replicas");
            if (scaleSelector) {
                scaleJson.put("labelSelectorPath", ".status.selector");
            }
        }
        if (!columns.isEmpty()) {
            v.set("additionalPrinterColumns", columns.deepCopy());
        }
        return v;
    }
}
