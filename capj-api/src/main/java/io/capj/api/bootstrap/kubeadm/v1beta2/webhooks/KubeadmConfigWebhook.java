package io.capj.api.bootstrap.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.List;

/** KubeadmConfig's validating webhook: {@link KubeadmConfigSpecRules} on {@code spec}; no defaults. */
public final class KubeadmConfigWebhook implements AdmissionHook {
    private final boolean ignitionFormat;

    /** @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on */
    public KubeadmConfigWebhook(boolean ignitionFormat) {
        this.ignitionFormat = ignitionFormat;
    }

    @Override
    public List<FieldError> validateCreate(JsonNode config) {
        return KubeadmConfigSpecRules.validate(config.path("spec"), "spec", false, ignitionFormat);
    }
}
