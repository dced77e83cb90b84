package io.capj.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.contract.BootstrapConfigContract;
import io.capj.contract.ContractException;
import io.capj.contract.InfraMachineContract;
import io.capj.contract.MachineAddress;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap and infrastructure phases: resolve the BootstrapConfig and InfrastructureMachine a Machine
 * references, watch their kinds, make the Machine their controller (replacing the MachineSet or control
 * plane owner they were created with) and label them with the cluster name, then copy what the contract says
 * is done into the Machine: the bootstrap data secret name, and providerID, addresses and failure domain.
 * The {@code status.initialization} flags are sticky: once true they stay true.
 */
final class ProviderObjects {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderObjects.class);
    /** How long to wait for a referenced object that does not exist yet (its creation also wakes us). */
    static final Duration EXTERNAL_READY_WAIT = Duration.ofSeconds(30);
    /** How soon to look again at a provisioned InfraMachine that reports no providerID yet. */
    static final Duration PROVIDER_ID_WAIT = Duration.ofSeconds(5);

    private final ExternalObjects external;
    private final String controllerName;

    ProviderObjects(ExternalObjects external, String controllerName) {
        this.external = external;
        this.controllerName = controllerName;
    }

    Result reconcileBootstrap(MachineScope s) {
        Optional<ContractRef> ref = s.view().spec().bootstrapConfigRef();
        if (ref.isEmpty()) {
            return Result.done();
        }
        s.bootstrapKind = external.kindOf(ref.get());
        Optional<ObjectNode> config = resolve(s, ref.get(), s.bootstrapKind);
        if (config.isEmpty()) {
            s.bootstrapConfigNotFound = true;
            if (s.deleting()) {
                return Result.done();
            }
            LOG.info("bootstrap config not found, waiting Machine={} {}={}", s.request, ref.get().kind(), ref.get().name());
            return Result.requeueAfter(EXTERNAL_READY_WAIT);
        }
        s.bootstrapConfig = config.get();
        ObjectNode status = s.status();
        if (s.view().spec().dataSecretName().isPresent()) {
            status.withObject("initialization").put("bootstrapDataSecretCreated", true);
            return Result.done();
        }
        BootstrapConfigContract contract = BootstrapConfigContract.forContract(s.bootstrapKind.contract());
        boolean created = contract.dataSecretCreated().get(s.bootstrapConfig).orElse(false);
        if (MachineScope.isDeleting(s.bootstrapConfig) || !created) {
            return Result.done();
        }
        String secretName = contract.dataSecretName().get(s.bootstrapConfig).filter(n -> !n.isEmpty())
                .orElseThrow(() -> new ContractException("got empty " + contract.dataSecretName().path() + " from "
                        + ref.get().kind() + " " + s.request.namespace() + "/" + ref.get().name()));
        s.machine.withObject("spec").withObject("bootstrap").put("dataSecretName", secretName);
        if (!status.at("/initialization/bootstrapDataSecretCreated").asBoolean(false)) {
            LOG.info("bootstrap provider generated data secret Machine={} Secret={}", s.request, secretName);
        }
        status.withObject("initialization").put("bootstrapDataSecretCreated", true);
        return Result.done();
    }

    Result reconcileInfrastructure(MachineScope s) {
        ContractRef ref = s.view().spec().infrastructureRef()
                .orElseThrow(() -> new IllegalStateException("Machine " + s.request + " has no spec.infrastructureRef"));
        s.infraKind = external.kindOf(ref);
        Optional<ObjectNode> infra = resolve(s, ref, s.infraKind);
        boolean provisionedBefore = s.view().status().infrastructureProvisioned();
        if (infra.isEmpty()) {
            s.infraMachineNotFound = true;
            if (s.deleting()) {
                return Result.done();
            }
            if (provisionedBefore) {
                throw new IllegalStateException("could not find " + ref.kind() + " " + s.request.namespace() + "/"
                        + ref.name() + " for Machine " + s.request + ": deleted after provisioning was completed");
            }
            LOG.info("infrastructure machine not found, waiting Machine={} {}={}", s.request, ref.kind(), ref.name());
            return Result.requeueAfter(EXTERNAL_READY_WAIT);
        }
        s.infraMachine = infra.get();
        InfraMachineContract contract = InfraMachineContract.forContract(s.infraKind.contract());
        boolean provisioned = contract.provisioned().get(s.infraMachine).orElse(false);
        if (MachineScope.isDeleting(s.infraMachine) || !provisioned && !provisionedBefore) {
            return Result.done();
        }
        Optional<String> providerID = contract.providerID().get(s.infraMachine).filter(p -> !p.isEmpty());
        if (providerID.isEmpty()) {
            LOG.info("waiting for infrastructure provider to set {} Machine={}", contract.providerID().path(), s.request);
            return Result.requeueAfter(PROVIDER_ID_WAIT);
        }
        ObjectNode status = s.status();
        contract.addresses().get(s.infraMachine).ifPresent(addresses -> status.set("addresses", toJson(addresses)));
        contract.deprecatedFailureDomain().get(s.infraMachine)
                .ifPresent(domain -> s.machine.withObject("spec").put("failureDomain", domain));
        contract.failureDomain().get(s.infraMachine).ifPresent(domain -> status.put("failureDomain", domain));
        s.machine.withObject("spec").put("providerID", providerID.get());
        if (!provisionedBefore) {
            LOG.info("infrastructure provider has completed provisioning Machine={} providerID={}", s.request,
                    providerID.get());
        }
        status.withObject("initialization").put("infrastructureProvisioned", true);
        return Result.done();
    }

    /** Gets the referenced object, watches its kind and makes the Machine its controller. */
    private Optional<ObjectNode> resolve(MachineScope s, ContractRef ref, ExternalKind kind) {
        external.watch(controllerName, kind, ProviderObjects::controllingMachine);
        Optional<ObjectNode> object = external.get(kind, s.request.namespace(), ref.name());
        object.ifPresent(o -> ensureOwnership(s, kind, o));
        return object;
    }

    private void ensureOwnership(MachineScope s, ExternalKind kind, ObjectNode object) {
        String clusterName = s.view().spec().clusterName();
        List<OwnerReference> refs = ownerReferences(object);
        List<OwnerReference> kept = new ArrayList<>();
        boolean removedOnCreateOwner = false;
        for (OwnerReference r : refs) {
            if (isOnCreateOwner(s, r)) {
                removedOnCreateOwner = true;
            } else {
                kept.add(r);
            }
        }
        String uid = s.machine.at("/metadata/uid").asText();
        boolean owned = kept.stream().anyMatch(r -> uid.equals(r.getUid()) && Boolean.TRUE.equals(r.getController()));
        boolean labelled = clusterName.equals(object.at("/metadata/labels").path(CoreLabels.ClusterNameLabel).asText());
        if (owned && labelled && !removedOnCreateOwner) {
            return;
        }
        if (!owned) {
            kept.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst().ifPresent(other -> {
                throw new IllegalStateException("failed to set the controller of " + kind.kind().kind() + " "
                        + s.request.namespace() + "/" + object.at("/metadata/name").asText() + ": already controlled by "
                        + other.getKind() + " " + other.getName());
            });
            kept.removeIf(r -> uid.equals(r.getUid()));
            kept.add(machineOwnerRef(s));
        }
        ObjectNode patch = Json.object();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.put("resourceVersion", object.at("/metadata/resourceVersion").asText());
        metadata.set("ownerReferences", Json.MAPPER.valueToTree(kept));
        metadata.putObject("labels").put(CoreLabels.ClusterNameLabel, clusterName);
        external.mergePatch(kind, s.request.namespace(), object.at("/metadata/name").asText(), patch);
        ObjectNode objectMetadata = object.withObject("metadata");
        objectMetadata.set("ownerReferences", Json.MAPPER.valueToTree(kept));
        objectMetadata.withObject("labels").put(CoreLabels.ClusterNameLabel, clusterName);
    }

    /** Owners set when the object was created for the Machine (its MachineSet or control plane), to be replaced. */
    private static boolean isOnCreateOwner(MachineScope s, OwnerReference r) {
        String group = r.getApiVersion() == null ? "" : r.getApiVersion().split("/")[0];
        if (CoreGroup.NAME.equals(group) && "MachineSet".equals(r.getKind())) {
            return true;
        }
        boolean controlPlaneMachine = s.machine.at("/metadata/labels").has(CoreLabels.MachineControlPlaneLabel);
        Optional<ContractRef> cp = s.clusterView().spec().controlPlaneRef();
        return controlPlaneMachine && cp.isPresent() && cp.get().apiGroup().equals(group)
                && cp.get().kind().equals(r.getKind());
    }

    static OwnerReference machineOwnerRef(MachineScope s) {
        OwnerReference ref = new OwnerReference();
        ref.setApiVersion(CoreGroup.NAME + "/" + CoreGroup.VERSION);
        ref.setKind("Machine");
        ref.setName(s.request.name());
        ref.setUid(s.machine.at("/metadata/uid").asText());
        ref.setController(true);
        ref.setBlockOwnerDeletion(true);
        return ref;
    }

    private static List<OwnerReference> ownerReferences(JsonNode object) {
        List<OwnerReference> refs = new ArrayList<>();
        for (JsonNode r : object.at("/metadata/ownerReferences")) {
            refs.add(Json.MAPPER.convertValue(r, OwnerReference.class));
        }
        return refs;
    }

    /** Maps a provider object to the Machine that controls it. */
    static Collection<Request> controllingMachine(GenericKubernetesResource object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        if (refs == null) {
            return List.of();
        }
        return refs.stream()
                .filter(r -> "Machine".equals(r.getKind()) && r.getApiVersion() != null
                        && r.getApiVersion().startsWith(CoreGroup.NAME + "/"))
                .map(r -> new Request(object.getMetadata().getNamespace(), r.getName()))
                .toList();
    }

    private static ArrayNode toJson(List<MachineAddress> addresses) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        addresses.forEach(a -> array.addObject().put("type", a.type()).put("address", a.address()));
        return array;
    }
}
