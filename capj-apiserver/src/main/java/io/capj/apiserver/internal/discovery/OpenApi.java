package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * OpenAPI for one snapshot of served resources. {@code /openapi/v3} lists one document per group-version
 * ({@code api/v1}, {@code apis/<g>/<v>}) with a content hash in its URL; each document holds the paths and
 * schemas of that group-version. {@code /openapi/v2} is answered with an empty protobuf document (see
 * {@link #V2_CONTENT_TYPE}): kubectl 1.27/1.28 refuse to apply when it is 404, and an empty document makes every
 * kubectl skip client-side validation of kinds it does not know. Documents are built on first use and kept,
 * with their serialized bytes, for the life of the snapshot. Thread-safe.
 */
public final class OpenApi {
    /** The {@code /openapi/v2} Content-Type: the dotted form; the {@code @v1.0} form breaks Go's MIME parser. */
    public static final String V2_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    /** One group-version document and its serialized form. */
    private record Document(ObjectNode json, byte[] bytes, String hash) {
    }

    private final ApiIndex index;
    private volatile Map<String, Document> documents;

    public OpenApi(Collection<ResourceDefinition> definitions) {
        this.index = new ApiIndex(definitions);
    }

    /** The {@code /openapi/v2} body: an empty, and therefore valid, protobuf {@code openapi_v2.Document}. */
    public static byte[] v2Body() {
        return new byte[0];
    }

    /** {@code GET /openapi/v3}: {@code {"paths":{"apis/g/v":{"serverRelativeURL":"/openapi/v3/apis/g/v?hash=H"}}}}. */
    public ObjectNode root() {
        ObjectNode root = Json.object();
        ObjectNode paths = root.putObject("paths");
        documents().forEach((path, doc) ->
                paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + doc.hash()));
        return root;
    }

    /** {@code GET /openapi/v3/<path>}, {@code path} being {@code api/v1} or {@code apis/<group>/<version>}. */
    public Optional<ObjectNode> document(String path) {
        return Optional.ofNullable(documents().get(path)).map(Document::json);
    }

    /** The same document already serialized (serve these bytes; do not mutate them). */
    public Optional<byte[]> documentBytes(String path) {
        return Optional.ofNullable(documents().get(path)).map(Document::bytes);
    }

    /** The document's hash: upper-case hex SHA-512 of its bytes, as kube-openapi computes its ETag. */
    public Optional<String> hash(String path) {
        return Optional.ofNullable(documents().get(path)).map(Document::hash);
    }

    private Map<String, Document> documents() {
        Map<String, Document> docs = documents;
        if (docs == null) {
            synchronized (this) {
                docs = documents;
                if (docs == null) {
                    docs = buildAll();
                    documents = docs;
                }
            }
        }
        return docs;
    }

    private Map<String, Document> buildAll() {
        Map<String, Document> docs = new LinkedHashMap<>();
        for (ApiIndex.GroupVersion gv : index.allGroupVersions()) {
            String path = gv.group().isEmpty() ? "api/" + gv.version() : "apis/" + gv.group() + "/" + gv.version();
            ObjectNode json = build(gv.resources());
            byte[] bytes = Json.bytes(json);
            docs.put(path, new Document(json, bytes, sha512(bytes)));
        }
        return docs;
    }

    private static ObjectNode build(List<ResourceDefinition> resources) {
        Map<String, ObjectNode> paths = new TreeMap<>();
        Map<String, ObjectNode> schemas = new TreeMap<>();
        boolean scale = false;
        boolean builtinOnly = true;
        for (ResourceDefinition d : resources) {
            OpenApiOperations.addPaths(d, paths);
            schemas.put(OpenApiNames.model(d.group(), d.version(), d.kind(), d.builtin()), KindSchemas.kind(d));
            schemas.put(OpenApiNames.model(d.group(), d.version(), d.listKind(), d.builtin()), KindSchemas.list(d));
            scale |= d.scale() != null;
            builtinOnly &= d.builtin();
        }
        MetaSchemas.addTo(schemas, scale);
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", builtinOnly ? "Kubernetes" : "Kubernetes CRD Swagger")
                .put("version", builtinOnly ? "unversioned" : "v0.1.0");
        ObjectNode p = doc.putObject("paths");
        paths.forEach(p::set);
        ObjectNode s = doc.putObject("components").putObject("schemas");
        schemas.forEach(s::set);
        return doc;
    }

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JVM", e);
        }
    }
}
