package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.webhooks.MachineNamingRules;
import io.capj.api.core.v1beta2.webhooks.MachineTaintRules;
import io.capj.api.core.v1beta2.webhooks.MetadataRules;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules KubeadmControlPlane and KubeadmControlPlaneTemplate share on their spec: rollout strategy and
 * certificate validity, Machine naming, Machine taints and Machine template metadata. Field paths are
 * relative to the spec path the caller passes, as upstream reports them.
 */
final class ControlPlaneSpecRules {
    static final String ROLLING_UPDATE = "RollingUpdate";
    /** Upstream's {@code secret.DefaultCACertificatesExpiryDays}: CA validity when none is configured. */
    static final int DEFAULT_CA_CERTIFICATES_EXPIRY_DAYS = 3650;
    /** The variables of a KubeadmControlPlane's Machine name template, with the sample values upstream renders. */
    private static final Map<String, String> NAMING_VARIABLES = Map.of(".cluster.name", "cluster",
            ".kubeadmControlPlane.name", "kubeadmcontrolplane",
            ".random", "x".repeat(MachineNamingRules.RANDOM_LENGTH));

    private ControlPlaneSpecRules() {
    }

    /** Taints and metadata of {@code machineTemplate}, at {@code <specPath>.machineTemplate...}. */
    static List<FieldError> machineTemplate(JsonNode spec, String specPath) {
        List<FieldError> errs = new ArrayList<>(MachineTaintRules.validate(
                spec.at("/machineTemplate/spec/taints"), specPath + ".machineTemplate.spec.taints"));
        errs.addAll(MetadataRules.validate(specPath + ".machineTemplate.metadata", spec.at("/machineTemplate/metadata")));
        return errs;
    }

    /** {@code machineNaming.template}: must contain {@code {{ .random }}} and render a valid name. */
    static List<FieldError> naming(JsonNode spec, String specPath) {
        return MachineNamingRules.validate(spec.at("/machineNaming/template").asText(),
                specPath + ".machineNaming.template", NAMING_VARIABLES);
    }

    /**
     * Rollout strategy (RollingUpdate only, maxSurge 0 or 1, 0 only with at least 3 replicas) and certificate
     * validity against the CA's and {@code rollout.before}. As upstream, nothing is checked when the strategy
     * is unset (only possible on templates, which are not defaulted).
     *
     * @param replicas the desired replicas, or null for templates
     */
    static List<FieldError> rolloutAndCertificateValidity(JsonNode spec, Integer replicas, String specPath) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode strategy = spec.at("/rollout/strategy");
        if (strategy.isMissingNode() || strategy.isNull() || strategy.isEmpty()) {
            return errs;
        }
        if (!ROLLING_UPDATE.equals(strategy.path("type").asText())) {
            errs.add(FieldError.required(specPath + ".rollout.strategy.type", "only RollingUpdate is supported"));
        }
        JsonNode maxSurge = strategy.at("/rollingUpdate/maxSurge");
        if (!maxSurge.isMissingNode() && !maxSurge.isNull()) {
            int surge = intValue(maxSurge);
            if (surge == 0 && replicas != null && replicas < 3) {
                errs.add(FieldError.required(specPath + ".rollout.strategy.rollingUpdate",
                        "when KubeadmControlPlane is configured to scale-in, replica count needs to be at least 3"));
            }
            if (surge != 1 && surge != 0) {
                errs.add(FieldError.required(specPath + ".rollout.strategy.rollingUpdate.maxSurge",
                        "value must be 1 or 0"));
            }
        }
        errs.addAll(certificateValidity(spec, specPath));
        return errs;
    }

    private static List<FieldError> certificateValidity(JsonNode spec, String specPath) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode clusterConfiguration = spec.at("/kubeadmConfigSpec/clusterConfiguration");
        int validity = clusterConfiguration.path("certificateValidityPeriodDays").asInt(0);
        if (validity == 0) {
            return errs;
        }
        int caValidity = clusterConfiguration.path("caCertificateValidityPeriodDays").asInt(0);
        String validityPath = specPath + ".kubeadmConfigSpec.clusterConfiguration.certificateValidityPeriodDays";
        if (caValidity != 0 && validity > caValidity) {
            errs.add(FieldError.invalid(validityPath, validity,
                    "must be less than or equal to caCertificateValidityPeriodDays (" + caValidity + ")"));
        } else if (caValidity == 0 && validity > DEFAULT_CA_CERTIFICATES_EXPIRY_DAYS) {
            errs.add(FieldError.invalid(validityPath, validity, "must be less than or equal to the default value of "
                    + "caCertificateValidityPeriodDays (" + DEFAULT_CA_CERTIFICATES_EXPIRY_DAYS + ")"));
        }
        int expiryDays = spec.at("/rollout/before/certificatesExpiryDays").asInt(0);
        if (expiryDays != 0 && expiryDays >= validity) {
            errs.add(FieldError.invalid(specPath + ".rollout.before.certificatesExpiryDays", expiryDays,
                    "must be less than certificateValidityPeriodDays (" + validity + ")"));
        }
        return errs;
    }

    /**
     * An int-or-string as upstream's {@code IntOrString.IntValue()} reads it: the integer, or the string
     * parsed as a decimal integer, 0 when it is not one (so {@code "50%"} counts as 0).
     */
    static int intValue(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        try {
            return Integer.parseInt(value.asText());
        } catch (NumberFormatException notAnInteger) {
            return 0;
        }
    }
}
