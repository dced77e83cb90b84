package io.capj.core.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.contract.ApiEndpoint;
import io.capj.contract.ControlPlaneContract;
import io.capj.contract.FailureDomain;
import io.capj.contract.InfraClusterContract;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.Result;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases that follow a Cluster's {@code infrastructureRef} and {@code controlPlaneRef}: resolve the
 * object through its CRD's contract, watch its kind, stamp the Cluster's ownerReference and cluster-name label
 * on it, and copy what it reports into the Cluster (endpoint, failure domains, provisioned / initialized).
 */
final class ClusterReferences {
    /** How long to wait for a referenced object that does not exist yet (upstream's externalReadyWait). */
    static final Duration EXTERNAL_READY_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReferences.class);

    private final String controllerName;
    private final ExternalObjects externals;
    private final EventRecorder events;

    ClusterReferences(String controllerName, ExternalObjects externals, EventRecorder events) {
        this.controllerName = controllerName;
        this.externals = externals;
        this.events = events;
    }

    /** A resolved reference: the kind (with its contract) and the object, absent when it does not exist. */
    private record Referenced(ExternalKind kind, Optional<ObjectNode> object) {
    }

    /** Reconciles {@code spec.infrastructureRef}; without one the infrastructure counts as provisioned. */
    Result reconcileInfrastructure(ClusterScope s) {
        Optional<ContractRef> ref = s.view().spec().infrastructureRef();
        if (ref.isEmpty()) {
            if (!s.deleting()) {
                s.initialization().put("infrastructureProvisioned", true);
            }
            return Result.done();
        }
        Referenced referenced = resolve(s, ref.get());
        s.infraKind = referenced.kind();
        if (referenced.object().isEmpty()) {
            s.infraClusterNotFound = true;
            return missing(s, ref.get(), s.view().status().infrastructureProvisioned(), "provisioned");
        }
        ObjectNode infra = referenced.object().get();
        s.infraCluster = infra;
        InfraClusterContract contract = InfraClusterContract.forContract(referenced.kind().contract());
        boolean provisioned = contract.provisioned().get(infra).orElse(false);
        boolean wasProvisioned = s.view().status().infrastructureProvisioned();
        if (ObjectMeta.isDeleting(infra) || !provisioned && !wasProvisioned) {
            return Result.done();
        }
        if (!hasValidEndpoint(s.view())) {
            contract.controlPlaneEndpoint().get(infra).filter(ApiEndpoint::isValid)
                    .ifPresent(endpoint -> setEndpoint(s.cluster, endpoint));
        }
        setFailureDomains(s.cluster, contract.failureDomains().get(infra).orElse(List.of()));
        if (!wasProvisioned) {
            LOG.info("infrastructure provider has completed provisioning Cluster={} {}={}", s.key(),
                    ref.get().kind(), ref.get().name());
            events.normal(s.cluster, "InfrastructureReady",
                    "Cluster " + s.name() + " InfrastructureProvisioned is now True");
        }
        s.initialization().put("infrastructureProvisioned", true);
        return Result.done();
    }

    /** Reconciles {@code spec.controlPlaneRef}; without one, initialization is judged from Machines. */
    Result reconcileControlPlane(ClusterScope s) {
        Optional<ContractRef> ref = s.view().spec().controlPlaneRef();
        if (ref.isEmpty()) {
            return Result.done();
        }
        Referenced referenced = resolve(s, ref.get());
        s.controlPlaneKind = referenced.kind();
        if (referenced.object().isEmpty()) {
            s.controlPlaneNotFound = true;
            return missing(s, ref.get(), s.view().status().controlPlaneInitialized(), "initialized");
        }
        ObjectNode controlPlane = referenced.object().get();
        s.controlPlane = controlPlane;
        ControlPlaneContract contract = ControlPlaneContract.forContract(referenced.kind().contract());
        boolean initialized = contract.initialized().get(controlPlane).orElse(false);
        boolean wasInitialized = s.view().status().controlPlaneInitialized();
        if (ObjectMeta.isDeleting(controlPlane) || !initialized && !wasInitialized) {
            return Result.done();
        }
        if (!hasValidEndpoint(s.view())) {
            contract.controlPlaneEndpoint().get(controlPlane).filter(ApiEndpoint::isValid)
                    .ifPresent(endpoint -> setEndpoint(s.cluster, endpoint));
        }
        if (!wasInitialized) {
            LOG.info("control plane has completed initialization Cluster={} {}={}", s.key(), ref.get().kind(),
                    ref.get().name());
            events.normal(s.cluster, "ControlPlaneInitialized",
                    "Cluster " + s.name() + " ControlPlaneInitialized is now True");
        }
        s.initialization().put("controlPlaneInitialized", true);
        return Result.done();
    }

    /**
     * A referenced object that does not exist: fine while deleting, an error once the Cluster relied on it,
     * otherwise expected (it may be created after the Cluster) and checked again later.
     */
    private static Result missing(ClusterScope s, ContractRef ref, boolean reliedOn, String what) {
        if (s.deleting()) {
            return Result.done();
        }
        if (reliedOn) {
            throw new IllegalStateException("failed to reconcile Cluster " + s.key() + ": " + ref.kind() + " "
                    + ref.name() + " has been deleted after being " + what);
        }
        LOG.info("referenced object not found, requeuing Cluster={} {}={}", s.key(), ref.kind(), ref.name());
        return Result.requeueAfter(EXTERNAL_READY_WAIT);
    }

    private Referenced resolve(ClusterScope s, ContractRef ref) {
        ExternalKind kind = externals.kindOf(ref);
        externals.watch(controllerName, kind, ClusterOwnership::byOwnerOrLabel);
        Optional<ObjectNode> object = externals.get(kind, s.namespace(), ref.name());
        object.ifPresent(o -> ensureOwnerReferenceAndLabel(s, kind, o));
        return new Referenced(kind, object);
    }

    /**
     * Stamps the Cluster's ownerReference and cluster-name label on a provider object. The patch is conditional
     * on the object's resourceVersion because it replaces the whole ownerReferences list.
     */
    private void ensureOwnerReferenceAndLabel(ClusterScope s, ExternalKind kind, ObjectNode object) {
        boolean controller = s.view().spec().hasTopology();
        if (ClusterOwnership.hasExactOwnerReference(object, s.cluster, controller)
                && ClusterOwnership.hasClusterNameLabel(object, s.name())) {
            return;
        }
        ArrayNode ownerReferences = ClusterOwnership.ownerReferencesWith(object, s.cluster, controller);
        ObjectNode patch = Json.object();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.put("resourceVersion", ObjectMeta.resourceVersion(object));
        metadata.set("ownerReferences", ownerReferences);
        metadata.putObject("labels").put(CoreLabels.ClusterNameLabel, s.name());
        externals.mergePatch(kind, s.namespace(), ObjectMeta.name(object), patch);
        ObjectMeta.of(object).set("ownerReferences", ownerReferences.deepCopy());
        ObjectMeta.of(object).withObject("/labels").put(CoreLabels.ClusterNameLabel, s.name());
    }

    private static boolean hasValidEndpoint(ClusterView cluster) {
        return cluster.spec().controlPlaneEndpoint().map(ClusterView.Endpoint::isValid).orElse(false);
    }

    private static void setEndpoint(ObjectNode cluster, ApiEndpoint endpoint) {
        cluster.withObject("/spec").putObject("controlPlaneEndpoint").put("host", endpoint.host())
                .put("port", (int) endpoint.port());
    }

    /** {@code status.failureDomains} as the v1beta2 list; removed when the provider reports none. */
    private static void setFailureDomains(ObjectNode cluster, List<FailureDomain> domains) {
        ObjectNode status = cluster.withObject("/status");
        if (domains.isEmpty()) {
            status.remove("failureDomains");
            return;
        }
        ArrayNode list = status.putArray("failureDomains");
        for (FailureDomain domain : domains) {
            ObjectNode item = list.addObject().put("name", domain.name()).put("controlPlane", domain.controlPlane());
            if (!domain.attributes().isEmpty()) {
                ObjectNode attributes = item.putObject("attributes");
                domain.attributes().forEach(attributes::put);
            }
        }
    }
}
