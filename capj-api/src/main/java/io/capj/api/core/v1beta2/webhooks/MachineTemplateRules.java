package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.apimachinery.selector.SelectorSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules MachineSets and MachineDeployments share because both stamp Machines from {@code spec.template}:
 * bootstrap, selector against template labels, cluster name agreement and immutability, version, taints,
 * machine naming, template metadata and skipped preflight checks.
 */
public final class MachineTemplateRules {
    /** Upstream's supported {@code MachineSetPreflightCheck} values, sorted as upstream prints them. */
    static final List<String> PREFLIGHT_CHECKS = List.of("All", "ControlPlaneIsStable", "ControlPlaneVersionSkew",
            "KubeadmVersionSkew", "KubernetesVersionSkew");

    private MachineTemplateRules() {
    }

    /** How a selector mismatch is reported: MachineSets say Invalid, MachineDeployments Forbidden. */
    public enum MismatchReport { INVALID, FORBIDDEN }

    /** Every shared rule for {@code object}; {@code old} is the stored object on update, else null. */
    public static List<FieldError> validate(JsonNode object, JsonNode old, MismatchReport mismatch) {
        JsonNode spec = object.path("spec");
        JsonNode template = spec.path("template");
        JsonNode machineSpec = template.path("spec");
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(bootstrap(machineSpec.path("bootstrap"), "spec.template.spec.bootstrap",
                "expected either spec.template.spec.bootstrap.dataSecretName or "
                        + "spec.template.spec.bootstrap.configRef to be populated"));
        errs.addAll(selectorMatchesTemplate(spec.path("selector"), template.path("metadata").path("labels"),
                mismatch));
        errs.addAll(skippedPreflightChecks(object));
        errs.addAll(clusterNameImmutable(spec, old));
        String clusterName = spec.path("clusterName").asText();
        if (!clusterName.equals(machineSpec.path("clusterName").asText())) {
            errs.add(FieldError.invalid("spec.clusterName", clusterName,
                    "spec.clusterName and spec.template.spec.clusterName must be set to the same value"));
        }
        return errs;
    }

    /** Version, taints, naming and template metadata, in the order each kind reports them. */
    public static List<FieldError> templateContent(JsonNode spec) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode machineSpec = spec.path("template").path("spec");
        String version = machineSpec.path("version").asText();
        if (!version.isEmpty()) {
            errs.addAll(SemanticVersions.validate("spec.template.spec.version", version,
                    "must be a valid semantic version"));
        }
        errs.addAll(MachineTaintRules.validate(machineSpec.path("taints"), "spec.template.spec.taints"));
        errs.addAll(MachineTaintRules.validateForWorkers(machineSpec.path("taints"), false,
                "spec.template.spec.taints"));
        errs.addAll(MachineNamingRules.validate(spec.path("machineNaming").path("template").asText(),
                "spec.machineNaming.template"));
        errs.addAll(MetadataRules.validate("spec.template.metadata", spec.path("template").path("metadata")));
        return errs;
    }

    /** A Machine needs a bootstrap config reference or a ready data secret. */
    static List<FieldError> bootstrap(JsonNode bootstrap, String field, String message) {
        boolean configRef = !bootstrap.path("configRef").path("name").asText().isEmpty();
        boolean dataSecret = bootstrap.hasNonNull("dataSecretName");
        return configRef || dataSecret ? List.of() : List.of(FieldError.required(field, message));
    }

    /** The selector must parse and select the template's labels, or the owner would never see its Machines. */
    static List<FieldError> selectorMatchesTemplate(JsonNode selector, JsonNode templateLabels,
                                                    MismatchReport mismatch) {
        LabelSelector parsed;
        try {
            parsed = LabelSelector.fromMetaV1(selector.isMissingNode() ? Json.object() : selector);
        } catch (SelectorSyntaxException e) {
            return List.of(FieldError.invalid("spec.selector", selector, e.getMessage()));
        }
        if (parsed.matches(ObjectMeta.labels(wrapLabels(templateLabels)))) {
            return List.of();
        }
        String detail = "must match spec.selector " + goQuote(parsed.toString());
        String field = "spec.template.metadata.labels";
        return List.of(mismatch == MismatchReport.FORBIDDEN ? FieldError.forbidden(field, detail)
                : FieldError.invalid(field, templateLabels.isMissingNode() ? Json.object() : templateLabels, detail));
    }

    static List<FieldError> clusterNameImmutable(JsonNode spec, JsonNode old) {
        if (old != null && !old.path("spec").path("clusterName").asText().equals(spec.path("clusterName").asText())) {
            return List.of(FieldError.forbidden("spec.clusterName", "field is immutable"));
        }
        return List.of();
    }

    /** The skip-preflight-checks annotation may only name checks that exist. */
    static List<FieldError> skippedPreflightChecks(JsonNode object) {
        String skip = object.path("metadata").path("annotations")
                .path(CoreAnnotations.MachineSetSkipPreflightChecksAnnotation).asText();
        if (skip.isEmpty()) {
            return List.of();
        }
        List<String> invalid = new ArrayList<>();
        for (String check : skip.split(",", -1)) {
            if (!PREFLIGHT_CHECKS.contains(check.trim())) {
                invalid.add(check.trim());
            }
        }
        if (invalid.isEmpty()) {
            return List.of();
        }
        String value = invalid.stream().map(MachineTemplateRules::goQuote)
                .collect(Collectors.joining(", ", "[]v1beta2.MachineSetPreflightCheck{", "}"));
        return List.of(FieldError.invalid(
                "metadata.annotations." + CoreAnnotations.MachineSetSkipPreflightChecksAnnotation,
                new FieldError.Verbatim(value),
                "skipped preflight check(s) must be among: [" + String.join(" ", PREFLIGHT_CHECKS) + "]"));
    }

    static String goQuote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static JsonNode wrapLabels(JsonNode labels) {
        var object = Json.object();
        if (labels.isObject()) {
            object.putObject("metadata").set("labels", labels);
        }
        return object;
    }
}
