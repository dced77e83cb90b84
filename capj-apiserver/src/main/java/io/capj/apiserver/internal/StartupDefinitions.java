package io.capj.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.admission.Admission;
import io.capj.apiserver.internal.admission.FieldValidation;
import io.capj.apiserver.internal.handlers.ApiContext;
import io.capj.apiserver.internal.handlers.ObjectWriter;
import io.capj.apiserver.internal.handlers.WriteOptions;
import io.capj.apimachinery.admission.AdmissionHooks;
import io.capj.apiserver.internal.registry.CrdTypes;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CustomResourceDefinitions a server is started with (the kinds its embedder serves, e.g. Cluster API's):
 * written through the same write path as a client's, before the server takes requests. An absent definition is
 * created; a stored one gets the given spec, labels and annotations, so an upgraded binary brings its
 * definitions up to date, and an unchanged one is not written at all.
 */
final class StartupDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(StartupDefinitions.class);
    /** The field manager recorded for what the server installs itself. */
    static final String MANAGER = "capj";

    private StartupDefinitions() {
    }

    /**
     * Compiles the definitions' schemas on a daemon thread and throws the result away. The first compilation
     * loads the schema and CEL machinery (about half a second); started before the PKI and the store open, it
     * overlaps them instead of delaying {@link #ensure}. Failures are left for {@link #ensure} to report.
     */
    static void warmUp(List<ObjectNode> crds, AdmissionHooks hooks) {
        if (crds.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                crds.forEach(crd -> CrdTypes.from(crd, hooks));
            } catch (RuntimeException e) {
                LOG.debug("schema warm-up failed error={}", e.toString());
            }
        }, "capj-crd-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates or updates each of {@code crds}; a definition the server refuses fails startup. */
    static void ensure(ApiContext ctx, ObjectWriter writer, List<ObjectNode> crds) {
        ResourceType type = ctx.registry().lookup("apiextensions.k8s.io", "v1", "customresourcedefinitions");
        for (ObjectNode given : crds) {
            // Decoded from its text as a request body is, so numbers compare equal to the stored ones and an
            // unchanged definition is recognised as a no-op.
            ObjectNode crd = (ObjectNode) Json.parse(Json.string(given));
            String name = ObjectMeta.name(crd);
            WriteOptions opts = new WriteOptions(MANAGER, false, FieldValidation.WARN, new ArrayList<>());
            try {
                StoredObject current = ctx.objects().get(type, "", name);
                if (current == null) {
                    writer.create(type, crd, opts, false);
                } else if (changes(type, current.object(), crd)) {
                    writer.update(type, "", upgraded(current.object(), crd), current, opts, false);
                }
            } catch (StatusException e) {
                throw new IllegalStateException("failed to install CustomResourceDefinition " + name + ": "
                        + e.getMessage(), e);
            }
            opts.warnings().forEach(w ->
                    LOG.warn("CustomResourceDefinition installed with a warning name={} warning={}", name, w));
        }
    }

    /**
     * True if {@code crd}, defaulted, would change the stored definition. Checked before the write path, which
     * would also find an unchanged definition a no-op, but only after compiling its schemas for validation.
     */
    private static boolean changes(ResourceType type, ObjectNode stored, ObjectNode crd) {
        ObjectNode next = upgraded(stored, crd);
        Admission.decode(type, next, stored, FieldValidation.IGNORE);
        return !next.equals(stored);
    }

    /** The stored definition with the given spec, and the given labels and annotations over its own. */
    private static ObjectNode upgraded(ObjectNode stored, ObjectNode crd) {
        ObjectNode next = stored.deepCopy();
        next.set("spec", crd.get("spec").deepCopy());
        ObjectNode meta = ObjectMeta.of(next);
        for (String field : List.of("labels", "annotations")) {
            JsonNode given = crd.path("metadata").path(field);
            if (given.isObject() && !given.isEmpty()) {
                ObjectNode into = meta.withObjectProperty(field);
                for (Map.Entry<String, JsonNode> e : given.properties()) {
                    into.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        return next;
    }
}
