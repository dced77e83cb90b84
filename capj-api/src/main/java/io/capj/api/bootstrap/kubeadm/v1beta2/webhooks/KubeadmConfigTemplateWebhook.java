package io.capj.api.bootstrap.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.webhooks.MetadataRules;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;

/**
 * KubeadmConfigTemplate's validating webhook: {@link KubeadmConfigSpecRules} on {@code spec.template.spec}
 * and valid labels and annotations in {@code spec.template.metadata}.
 */
public final class KubeadmConfigTemplateWebhook implements AdmissionHook {
    private final boolean ignitionFormat;

    /** @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on */
    public KubeadmConfigTemplateWebhook(boolean ignitionFormat) {
        this.ignitionFormat = ignitionFormat;
    }

    @Override
    public List<FieldError> validateCreate(JsonNode template) {
        JsonNode inner = template.at("/spec/template");
        List<FieldError> errs = new ArrayList<>(KubeadmConfigSpecRules.validate(inner.path("spec"),
                "spec.template.spec", false, ignitionFormat));
        errs.addAll(MetadataRules.validate("spec.template.metadata", inner.path("metadata")));
        return errs;
    }
}
