package io.capj.bootstrap.kubeadm;

import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigCertificatesAvailableCondition;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigCertificatesAvailableInternalErrorReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigCertificatesAvailableReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigDataSecretAvailableCondition;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigDataSecretAvailableReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigDataSecretNotAvailableReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigNotReadyReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigReadyCondition;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigReadyReason;
import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigConditions.KubeadmConfigReadyUnknownReason;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterConditions;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.bootstrap.kubeadm.certs.CertificatePurpose;
import io.capj.bootstrap.kubeadm.certs.ClusterCertificates;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a KubeadmConfig (upstream's CABPK {@code kubeadmconfig} reconciler): waits for the Cluster's
 * infrastructure, adopts preset bootstrap data, keeps the join token alive until the Machine has a Node,
 * and otherwise generates the bootstrap data: {@code kubeadm init} for one control-plane Machine under the
 * init lock before the control plane is initialized, {@code kubeadm join} afterwards. One patch per pass
 * writes the autofilled spec, status and conditions; a failure is thrown after it.
 */
public final class KubeadmConfigReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(KubeadmConfigReconciler.class);
    private static final TypeReference<List<Condition>> CONDITION_LIST = new TypeReference<>() {
    };
    private static final Duration WAIT_FOR_LOCK = Duration.ofSeconds(30);
    private static final Duration WAIT_FOR_ENDPOINT = Duration.ofSeconds(10);

    private final Manager manager;
    private final RemoteClusters remotes;
    private final BootstrapTokens tokens;
    private final BootstrapDataWriter writer;
    private final Clock clock;
    /** When each config's token was last checked; only spares the workload cluster, never decides anything. */
    private final Map<Request, Instant> lastTokenChecks = new ConcurrentHashMap<>();

    public KubeadmConfigReconciler(Manager manager, RemoteClusters remotes, Duration tokenTtl, Clock clock) {
        this.manager = manager;
        this.remotes = remotes;
        this.tokens = new BootstrapTokens(tokenTtl, clock);
        this.writer = new BootstrapDataWriter(manager, new InitLock(manager.client()), clock);
        this.clock = clock;
    }

    @Override
    public Result reconcile(Request request) throws Exception {
        Optional<GenericKubernetesResource> cached = manager.cache().get(KubeadmBootstrapKinds.KUBEADM_CONFIG,
                request.namespace(), request.name());
        if (cached.isEmpty()) {
            return Result.done();
        }
        ObjectNode config = Trees.of(cached.get());
        Optional<ConfigOwner> owner = ConfigOwner.machineName(config)
                .flatMap(name -> manager.cache().get(CoreKinds.MACHINE, request.namespace(), name))
                .map(machine -> new ConfigOwner(Trees.of(machine)));
        if (owner.isEmpty()) {
            return Result.done(); // the Machine controller sets the ownerReference; its change wakes us
        }
        Optional<GenericKubernetesResource> cluster = manager.cache().get(CoreKinds.CLUSTER, request.namespace(),
                owner.get().clusterName());
        if (cluster.isEmpty()) {
            LOG.info("Cluster does not exist yet, waiting KubeadmConfig={}", request);
            return Result.done();
        }
        KubeadmConfigScope scope = new KubeadmConfigScope(config, owner.get(), Trees.of(cluster.get()),
                readConditions(config));
        PatchHelper patchHelper = PatchHelper.snapshot(manager.client(), KubeadmBootstrapKinds.KUBEADM_CONFIG, config);
        if (setPaused(scope) || ObjectMeta.isDeleting(config)) {
            finish(scope, patchHelper, false);
            return Result.done();
        }
        try {
            Result result = reconcileNormal(scope);
            finish(scope, patchHelper, true);
            return result;
        } catch (Exception e) {
            finish(scope, patchHelper, false);
            throw e;
        }
    }

    private Result reconcileNormal(KubeadmConfigScope scope) throws Exception {
        if (!scope.clusterView().status().infrastructureProvisioned()) {
            scope.set(KubeadmConfigDataSecretAvailableCondition, Conditions.FALSE,
                    KubeadmConfigDataSecretNotAvailableReason,
                    "Waiting for Cluster status.initialization.infrastructureProvisioned to be true");
            return Result.done();
        }
        Optional<String> preset = scope.owner.dataSecretName();
        if (preset.isPresent() && (!scope.dataSecretCreated() || scope.status().path("dataSecretName").asText().isEmpty())) {
            scope.status().put("dataSecretName", preset.get());
            scope.status().withObject("/initialization").put("dataSecretCreated", true);
            markAvailable(scope);
            return Result.done();
        }
        if (scope.dataSecretCreated()) {
            markAvailable(scope);
            return keepTokenAlive(scope);
        }
        boolean initialized = scope.clusterView().status()
                .condition(ClusterConditions.ClusterControlPlaneInitializedCondition)
                .map(io.capj.api.core.v1beta2.Condition::isTrue).orElse(false);
        if (!initialized) {
            return handleClusterNotInitialized(scope);
        }
        writer.releaseInitLock(scope);
        Result written = scope.owner.isControlPlane() ? writer.joinControlPlane(scope, this::discovery)
                : writer.joinWorker(scope, this::discovery);
        return written.isDone() ? Result.requeueAfter(tokens.checkInterval()) : written;
    }

    private Result handleClusterNotInitialized(KubeadmConfigScope scope) throws Exception {
        // A failure reported by an earlier init attempt stays visible; a stale wait message does not.
        boolean failureReported = Conditions.get(scope.conditions, KubeadmConfigDataSecretAvailableCondition)
                .filter(c -> !c.getMessage().startsWith("Waiting for")).isPresent();
        if (!failureReported) {
            scope.set(KubeadmConfigDataSecretAvailableCondition, Conditions.FALSE,
                    KubeadmConfigDataSecretNotAvailableReason, "Waiting for Cluster control plane to be initialized");
        }
        if (!scope.owner.isControlPlane()) {
            return Result.requeueAfter(WAIT_FOR_LOCK); // the Cluster's change wakes workers earlier
        }
        return writer.initControlPlane(scope) ? Result.done() : Result.requeueAfter(WAIT_FOR_LOCK);
    }

    /**
     * Completes join discovery as upstream does. File discovery with an inline kubeconfig gets the server and
     * the cluster CA; token discovery gets the CA hashes, the API server endpoint and a new token in the
     * workload cluster. Returns a wait while the Cluster has no endpoint.
     */
    private Result discovery(KubeadmConfigScope scope, ClusterCertificates certificates) {
        ObjectNode discovery = scope.spec().withObject("/joinConfiguration").withObject("/discovery");
        Optional<String> endpoint = scope.clusterView().spec().controlPlaneEndpoint()
                .filter(ClusterView.Endpoint::isValid).map(ClusterView.Endpoint::hostPort);
        if (discovery.has("file")) {
            JsonNode kubeConfig = discovery.path("file").path("kubeConfig");
            if (!kubeConfig.isObject()) {
                return Result.done();
            }
            ObjectNode cluster = ((ObjectNode) kubeConfig).withObject("/cluster");
            if (cluster.path("server").asText().isEmpty()) {
                if (endpoint.isEmpty()) {
                    return Result.requeueAfter(WAIT_FOR_ENDPOINT);
                }
                cluster.put("server", "https://" + endpoint.get());
            }
            if (cluster.path("certificateAuthorityData").asText().isEmpty()) {
                String caPem = certificates.get(CertificatePurpose.CLUSTER_CA).certPem();
                cluster.put("certificateAuthorityData",
                        Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)));
            }
            return Result.done();
        }
        ObjectNode token = discovery.withObject("/bootstrapToken");
        if (!token.path("caCertHashes").isArray() || token.path("caCertHashes").isEmpty()) {
            token.set("caCertHashes", Json.MAPPER.valueToTree(certificates.caCertHashes()));
        }
        if (token.path("apiServerEndpoint").asText().isEmpty()) {
            if (endpoint.isEmpty()) {
                return Result.requeueAfter(WAIT_FOR_ENDPOINT);
            }
            token.put("apiServerEndpoint", endpoint.get());
        }
        if (token.path("token").asText().isEmpty()) {
            token.put("token", tokens.create(remotes.client(scope.clusterRequest())));
        }
        return Result.done();
    }

    /**
     * Pushes the join token's expiry forward until the Machine has a Node (upstream's refresh), looking at
     * the workload cluster at most once per check interval however often the config is reconciled.
     */
    private Result keepTokenAlive(KubeadmConfigScope scope) {
        String token = scope.config.at("/spec/joinConfiguration/discovery/bootstrapToken/token").asText();
        Request key = new Request(scope.namespace(), scope.name());
        if (token.isEmpty() || scope.owner.hasNodeRef()) {
            lastTokenChecks.remove(key);
            return Result.done();
        }
        Instant now = clock.instant();
        Instant lastCheck = lastTokenChecks.get(key);
        if (lastCheck != null && now.isBefore(lastCheck.plus(tokens.checkInterval()))) {
            return Result.requeueAfter(Duration.between(now, lastCheck.plus(tokens.checkInterval())));
        }
        tokens.refreshIfNeeded(remotes.client(scope.clusterRequest()), token);
        lastTokenChecks.put(key, now);
        return Result.requeueAfter(tokens.checkInterval());
    }

    private static void markAvailable(KubeadmConfigScope scope) {
        scope.set(KubeadmConfigDataSecretAvailableCondition, Conditions.TRUE, KubeadmConfigDataSecretAvailableReason, "");
        scope.set(KubeadmConfigCertificatesAvailableCondition, Conditions.TRUE, KubeadmConfigCertificatesAvailableReason,
                "");
    }

    /** Upstream's Paused condition: the Cluster's spec.paused or the paused annotation on the config. */
    private static boolean setPaused(KubeadmConfigScope scope) {
        List<String> reasons = new ArrayList<>();
        if (scope.clusterView().spec().paused()) {
            reasons.add("Cluster spec.paused is set to true");
        }
        if (ObjectMeta.annotations(scope.config).containsKey(CoreAnnotations.PausedAnnotation)) {
            reasons.add("KubeadmConfig has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        boolean paused = !reasons.isEmpty();
        scope.set(CommonConditions.PausedCondition, paused ? Conditions.TRUE : Conditions.FALSE,
                paused ? CommonConditions.PausedReason : CommonConditions.NotPausedReason, String.join(", ", reasons));
        return paused;
    }

    private void finish(KubeadmConfigScope scope, PatchHelper patchHelper, boolean succeeded) {
        Condition summary = Conditions.summary(KubeadmConfigReadyCondition, scope.conditions,
                List.of(KubeadmConfigDataSecretAvailableCondition, KubeadmConfigCertificatesAvailableCondition), Set.of());
        String reason = switch (summary.getStatus()) {
            case Conditions.TRUE -> KubeadmConfigReadyReason;
            case Conditions.FALSE -> KubeadmConfigNotReadyReason;
            default -> KubeadmConfigReadyUnknownReason;
        };
        scope.set(KubeadmConfigReadyCondition, summary.getStatus(), reason, summary.getMessage());
        if (succeeded) {
            scope.status().put("observedGeneration", ObjectMeta.generation(scope.config));
        }
        scope.status().set("conditions", Json.MAPPER.valueToTree(scope.conditions));
        patchHelper.patch(scope.config);
    }

    static void certificatesFailed(KubeadmConfigScope scope, String message) {
        scope.set(KubeadmConfigCertificatesAvailableCondition, Conditions.UNKNOWN,
                KubeadmConfigCertificatesAvailableInternalErrorReason, message);
    }

    private static List<Condition> readConditions(ObjectNode object) {
        JsonNode list = object.path("status").path("conditions");
        return list.isArray() ? new ArrayList<>(Json.MAPPER.convertValue(list, CONDITION_LIST)) : new ArrayList<>();
    }
}
