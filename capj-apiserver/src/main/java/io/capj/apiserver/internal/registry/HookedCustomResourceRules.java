package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.List;

/** Custom-resource store behaviour plus a kind's in-process admission hook. */
final class HookedCustomResourceRules implements KindRules {
    private final AdmissionHook hook;

    HookedCustomResourceRules(AdmissionHook hook) {
        this.hook = hook;
    }

    @Override
    public void applyDefaults(ObjectNode object, JsonNode old) {
        hook.applyDefaults(object, old);
    }

    @Override
    public List<FieldError> validateCreate(JsonNode object) {
        return hook.validateCreate(object);
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode object, JsonNode old) {
        return hook.validateUpdate(object, old);
    }

    @Override
    public boolean allowUnconditionalUpdate() {
        return KindRules.CUSTOM_RESOURCE.allowUnconditionalUpdate();
    }

    @Override
    public boolean tracksGeneration() {
        return KindRules.CUSTOM_RESOURCE.tracksGeneration();
    }
}
