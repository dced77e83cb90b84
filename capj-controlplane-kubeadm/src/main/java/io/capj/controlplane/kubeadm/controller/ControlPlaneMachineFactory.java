package io.capj.controlplane.kubeadm.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneView;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.bootstrap.kubeadm.KubeadmBootstrapKinds;
import io.capj.controlplane.kubeadm.controlplane.KubeadmConfigComparison;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.core.machineset.TemplateClone;
import io.capj.runtime.Manager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one control-plane Machine (upstream {@code cloneConfigsAndGenerateMachine}): its KubeadmConfig (the
 * KCP's {@code kubeadmConfigSpec} for init on the first Machine, for a control-plane join on the others), its
 * InfraMachine cloned from {@code machineTemplate.spec.infrastructureRef}, and the Machine, all with the same
 * generated name, the control-plane labels and the KCP as controller owner. If a later step fails the objects
 * created before it are deleted.
 */
final class ControlPlaneMachineFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneMachineFactory.class);

    private final Manager manager;
    private final ExternalObjects externals;
    private final RandomGenerator random;

    ControlPlaneMachineFactory(Manager manager, ExternalObjects externals, RandomGenerator random) {
        this.manager = manager;
        this.externals = externals;
        this.random = random;
    }

    /** Creates the three objects; returns the Machine's name. */
    String create(JsonNode kcp, String clusterName, Optional<String> failureDomain, boolean initialize) {
        KubeadmControlPlaneView view = KubeadmControlPlaneView.of(kcp);
        String namespace = kcp.at("/metadata/namespace").asText();
        String kcpName = kcp.at("/metadata/name").asText();
        ContractRef templateRef = view.infrastructureRef().orElseThrow(() -> new IllegalStateException(
                "KubeadmControlPlane " + namespace + "/" + kcpName + " has no machineTemplate.spec.infrastructureRef"));
        ExternalKind templateKind = externals.kindOf(templateRef);
        ObjectNode template = externals.get(templateKind, namespace, templateRef.name())
                .orElseThrow(() -> new IllegalStateException("failed to retrieve " + templateRef.kind() + " "
                        + namespace + "/" + templateRef.name() + ": not found"));
        String name = MachineNames.generate(view.machineNamingTemplate(), kcpName, clusterName, random);
        Map<String, String> labels = labels(view, clusterName, kcpName);
        Map<String, String> annotations = strings(view.machineTemplateMetadata().path("annotations"));
        ObjectNode owner = KcpOwner.of(kcp);

        ObjectNode config = object(BootstrapGroup.API_VERSION, "KubeadmConfig", name, namespace, labels, annotations,
                owner);
        config.set("spec", KubeadmConfigComparison.desiredSpec(view.kubeadmConfigSpec(), view.version(), !initialize));
        manager.client().genericKubernetesResources(KubeadmBootstrapKinds.KUBEADM_CONFIG.definitionContext())
                .inNamespace(namespace).resource(Trees.generic(config)).create();
        ExternalKind infraKind = null;
        try {
            ObjectNode infra = TemplateClone.generate(template, templateKind.contract(), name, namespace, clusterName,
                    labels, annotations, owner);
            infraKind = externals.kindOf(new ContractRef(templateRef.apiGroup(),
                    TemplateClone.clonedKind(templateRef.kind()), name));
            externals.create(infraKind, infra);

            ObjectNode machine = object(CoreGroup.API_VERSION, "Machine", name, namespace, labels, annotations, owner);
            machine.with("metadata").with("annotations")
                    .put(KubeadmControlPlaneAnnotations.PreTerminateHookCleanupAnnotation, "");
            ObjectNode spec = machine.putObject("spec").put("clusterName", clusterName).put("version", view.version());
            spec.putObject("bootstrap").putObject("configRef").put("apiGroup", BootstrapGroup.NAME)
                    .put("kind", "KubeadmConfig").put("name", name);
            spec.putObject("infrastructureRef").put("apiGroup", templateRef.apiGroup())
                    .put("kind", TemplateClone.clonedKind(templateRef.kind())).put("name", name);
            failureDomain.ifPresent(fd -> spec.put("failureDomain", fd));
            if (view.readinessGates().isArray() && !view.readinessGates().isEmpty()) {
                spec.set("readinessGates", view.readinessGates().deepCopy());
            }
            manager.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext()).inNamespace(namespace)
                    .resource(Trees.generic(machine)).create();
        } catch (RuntimeException e) {
            cleanUp(namespace, name, infraKind, e);
            throw e;
        }
        LOG.info("created control plane Machine={}/{} KubeadmControlPlane={} init={}", namespace, name, kcpName,
                initialize);
        return name;
    }

    private void cleanUp(String namespace, String name, ExternalKind infraKind, RuntimeException cause) {
        try {
            manager.client().genericKubernetesResources(KubeadmBootstrapKinds.KUBEADM_CONFIG.definitionContext())
                    .inNamespace(namespace).withName(name).delete();
            if (infraKind != null) {
                externals.delete(infraKind, namespace, name);
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** machineTemplate labels plus cluster-name, control-plane and control-plane-name. */
    static Map<String, String> labels(KubeadmControlPlaneView view, String clusterName, String kcpName) {
        Map<String, String> labels = strings(view.machineTemplateMetadata().path("labels"));
        labels.put(CoreLabels.ClusterNameLabel, clusterName);
        labels.put(CoreLabels.MachineControlPlaneLabel, "");
        labels.put(CoreLabels.MachineControlPlaneNameLabel, kcpName);
        return labels;
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map.isObject()) {
            map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static ObjectNode object(String apiVersion, String kind, String name, String namespace,
            Map<String, String> labels, Map<String, String> annotations, ObjectNode owner) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name).put("namespace", namespace);
        labels.forEach(metadata.with("labels")::put);
        annotations.forEach(metadata.with("annotations")::put);
        metadata.putArray("ownerReferences").add(owner.deepCopy());
        return object;
    }
}
