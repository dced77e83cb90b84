package io.capj.core.external;

import io.capj.contract.ContractVersion;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * A provider kind as core uses it: the API version chosen by contract resolution (the kind to watch and
 * write) and the contract whose field paths apply ({@code v1beta2}, or {@code v1beta1} with fallbacks).
 */
public record ExternalKind(ResourceKind<GenericKubernetesResource> kind, String contract) {

    /** The kind described by a resolved CRD whose plural and scope are {@code plural} and {@code namespaced}. */
    static ExternalKind of(ContractVersion.Resolved resolved, String kindName, String plural, boolean namespaced) {
        return new ExternalKind(ResourceKind.generic(resolved.group(), resolved.version(), kindName, plural,
                namespaced), resolved.contract());
    }

    /** {@code group/version} to write into references and ownerReferences. */
    public String apiVersion() {
        return kind.apiVersion();
    }
}
