package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MachineSet a MachineDeployment wants, as upstream's {@code computeDesiredMS}: a new one gets the name
 * {@code <deployment>-<random5>}, the deployment's template spec and a {@code machine-template-hash} label
 * ({@code <template hash>-<random5>}) in its labels, template labels and selector; every MachineSet, new or old,
 * gets the fields propagated in place (labels, annotations, template metadata, deletion order, machine naming,
 * minReadySeconds, readinessGates, deletion timeouts, taints) and a controller ownerReference to the deployment.
 * The template spec of an existing MachineSet is never rewritten otherwise.
 */
final class DesiredMachineSets {
    /** Upstream's {@code apirand} alphabet: no vowels (no words) and no confusable characters. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int RANDOM_LENGTH = 5;
    private static final int MAX_NAME_LENGTH = 63;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Deployment annotations never copied onto MachineSets. */
    private static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration",
            CoreAnnotations.RevisionAnnotation, "machinedeployment.clusters.x-k8s.io/revision-history",
            CoreAnnotations.DesiredReplicasAnnotation, CoreAnnotations.MaxReplicasAnnotation,
            "cluster.x-k8s.io/conversion-data");
    private static final List<String> TEMPLATE_SPEC_IN_PLACE = List.of("minReadySeconds", "readinessGates", "taints");
    private static final List<String> DELETION_TIMEOUTS = List.of("nodeDrainTimeoutSeconds",
            "nodeDeletionTimeoutSeconds", "nodeVolumeDetachTimeoutSeconds");

    private DesiredMachineSets() {
    }

    /** A MachineSet to create for {@code md} with 0 replicas (the caller sets the planned count). */
    static ObjectNode create(JsonNode md) {
        String suffix = randomSuffix();
        String base = MachineSetJson.name(md) + "-";
        if (base.length() > MAX_NAME_LENGTH - RANDOM_LENGTH) {
            base = base.substring(0, MAX_NAME_LENGTH - RANDOM_LENGTH);
        }
        ObjectNode ms = Json.object().put("apiVersion", CoreGroup.NAME + "/" + CoreGroup.VERSION)
                .put("kind", "MachineSet");
        ms.putObject("metadata").put("name", base + suffix).put("namespace", md.at("/metadata/namespace").asText())
                .putObject("labels").put(CoreLabels.MachineDeploymentUniqueLabel,
                        MachineTemplates.rolloutHash(md.at("/spec/template")) + "-" + suffix);
        ObjectNode spec = ms.putObject("spec");
        spec.put("replicas", 0);
        spec.putObject("template").set("spec", md.at("/spec/template/spec").deepCopy());
        return ms;
    }

    /**
     * {@code base} (a MachineSet, existing or from {@link #create}) with everything {@code md} propagates in
     * place; {@code annotations} are the revision and disable-machine-create annotations the caller decided.
     */
    static ObjectNode desired(JsonNode md, ObjectNode base, Map<String, String> annotations) {
        ObjectNode ms = base.deepCopy();
        String hash = ms.at("/metadata/labels").path(CoreLabels.MachineDeploymentUniqueLabel).asText();
        if (hash.isEmpty()) {
            throw new IllegalStateException("failed to compute desired MachineSet " + MachineSetJson.name(ms)
                    + ": failed to get unique identifier from \"" + CoreLabels.MachineDeploymentUniqueLabel + "\" label");
        }
        ObjectNode metadata = ms.withObject("/metadata");
        ObjectNode labels = metadata.withObject("/labels");
        copyInto(labels, md.at("/spec/template/metadata/labels"));
        labels.put(CoreLabels.MachineDeploymentUniqueLabel, hash);
        labels.put(CoreLabels.MachineDeploymentNameLabel, MachineSetJson.name(md));
        ObjectNode msAnnotations = metadata.withObject("/annotations");
        MachineSetJson.annotations(md).forEach((k, v) -> {
            if (!NOT_COPIED.contains(k)) {
                msAnnotations.put(k, v);
            }
        });
        DeploymentView view = DeploymentViews.of(md);
        msAnnotations.put(CoreAnnotations.DesiredReplicasAnnotation, String.valueOf(ReplicasAnnotations.desiredReplicas(view)));
        msAnnotations.put(CoreAnnotations.MaxReplicasAnnotation, String.valueOf(ReplicasAnnotations.maxReplicas(view)));
        annotations.forEach(msAnnotations::put);
        MachineSetJson.ensureOwnerReference(ms, MachineSetJson.ownerReference(md, true));
        propagateSpec(md, ms, hash);
        return ms;
    }

    private static void propagateSpec(JsonNode md, ObjectNode ms, String hash) {
        ObjectNode spec = ms.withObject("/spec");
        spec.put("clusterName", md.at("/spec/clusterName").asText());
        ObjectNode selector = md.at("/spec/selector").isObject() ? (ObjectNode) md.at("/spec/selector").deepCopy()
                : Json.object();
        selector.withObject("/matchLabels").put(CoreLabels.MachineDeploymentUniqueLabel, hash);
        spec.set("selector", selector);
        setOrRemove(spec, "deletion", md.at("/spec/deletion"));
        setOrRemove(spec, "machineNaming", md.at("/spec/machineNaming"));
        ObjectNode templateMetadata = spec.withObject("/template").withObject("/metadata");
        ObjectNode templateLabels = Json.object();
        copyInto(templateLabels, md.at("/spec/template/metadata/labels"));
        templateLabels.put(CoreLabels.MachineDeploymentUniqueLabel, hash);
        templateMetadata.set("labels", templateLabels);
        setOrRemove(templateMetadata, "annotations", md.at("/spec/template/metadata/annotations"));
        ObjectNode templateSpec = spec.withObject("/template").withObject("/spec");
        JsonNode mdTemplateSpec = md.at("/spec/template/spec");
        for (String field : TEMPLATE_SPEC_IN_PLACE) {
            setOrRemove(templateSpec, field, mdTemplateSpec.path(field));
        }
        ObjectNode deletion = templateSpec.withObject("/deletion");
        for (String field : DELETION_TIMEOUTS) {
            setOrRemove(deletion, field, mdTemplateSpec.path("deletion").path(field));
        }
        if (deletion.isEmpty()) {
            templateSpec.remove("deletion");
        }
    }

    private static void setOrRemove(ObjectNode target, String field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            target.remove(field);
        } else {
            target.set(field, value.deepCopy());
        }
    }

    private static void copyInto(ObjectNode target, JsonNode source) {
        source.fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue().deepCopy()));
    }

    private static String randomSuffix() {
        StringBuilder out = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
