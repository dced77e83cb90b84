package io.capj.core.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.contract.ContractException;
import io.capj.contract.ContractVersion;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Manager;
import io.capj.runtime.RequestMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes provider objects (infrastructure, bootstrap, control plane and their templates) named by
 * a {@link ContractRef}: the CRD {@code <plural>.<group>} says, through its contract label, which API
 * version to use; objects are read from the shared cache and watched by the controller that referenced them.
 */
public final class ExternalObjects {
    private final Manager manager;
    /** Resolutions by CRD name, valid while the CRD's resourceVersion is the one they were made from. */
    private final Map<String, Resolution> resolutions = new ConcurrentHashMap<>();

    private record Resolution(String crdVersion, ExternalKind kind) {
    }

    public ExternalObjects(Manager manager) {
        this.manager = manager;
    }

    /**
     * The kind {@code ref} names, resolved through its CRD.
     *
     * @throws ContractException when the CRD is missing or carries no usable contract label
     */
    public ExternalKind kindOf(ContractRef ref) {
        String crdName = ContractVersion.crdName(ref.apiGroup(), ref.kind());
        CustomResourceDefinition crd = manager.cache().get(CoreKinds.CRD, "", crdName)
                .orElseThrow(() -> new ContractException("failed to resolve " + ref.kind() + " " + ref.name()
                        + ": CustomResourceDefinition " + crdName + " not found"));
        String crdVersion = crd.getMetadata().getResourceVersion();
        Resolution cached = resolutions.get(crdName);
        if (cached != null && cached.crdVersion().equals(crdVersion)) {
            return cached.kind();
        }
        JsonNode crdTree = Trees.of(crd);
        ContractVersion.Resolved resolved = ContractVersion.resolve(crdTree);
        ExternalKind kind = ExternalKind.of(resolved, ref.kind(), crdTree.at("/spec/names/plural").asText(),
                !"Cluster".equals(crdTree.at("/spec/scope").asText()));
        resolutions.put(crdName, new Resolution(crdVersion, kind));
        return kind;
    }

    /** The object {@code ref} names in {@code namespace}, from the cache; empty when it does not exist. */
    public Optional<ObjectNode> get(ExternalKind kind, String namespace, String name) {
        return manager.cache().get(kind.kind(), namespace, name).map(Trees::of);
    }

    /**
     * Makes controller {@code controllerName} watch {@code kind} (idempotent), mapping each event through
     * {@code mapper}.
     */
    public void watch(String controllerName, ExternalKind kind, RequestMapper<? super GenericKubernetesResource> mapper) {
        manager.ensureWatch(controllerName, kind.kind(), mapper);
    }

    /** Creates {@code object} and returns it as stored. */
    public ObjectNode create(ExternalKind kind, ObjectNode object) {
        GenericKubernetesResource created = manager.client().genericKubernetesResources(kind.kind().definitionContext())
                .inNamespace(object.at("/metadata/namespace").asText())
                .resource(Trees.generic(object)).create();
        return Trees.of(created);
    }

    /** Applies a JSON merge patch to the object; the object must exist. */
    public void mergePatch(ExternalKind kind, String namespace, String name, ObjectNode patch) {
        manager.client().genericKubernetesResources(kind.kind().definitionContext()).inNamespace(namespace)
                .withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    /** Deletes the object (background propagation); a missing object counts as deleted. */
    public void delete(ExternalKind kind, String namespace, String name) {
        try {
            manager.client().genericKubernetesResources(kind.kind().definitionContext()).inNamespace(namespace)
                    .withName(name).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }
}
