package io.capj.bootstrap.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.CoreKinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's control-plane init mutex: only one Machine of a Cluster runs {@code kubeadm init}. The lock is
 * the ConfigMap {@code <cluster>-lock} naming its holder under {@value #INFORMATION_KEY}; creating it is the
 * atomic step. A holder that no longer exists is evicted, and the lock is released once the control plane is
 * initialized (or when generating the init data fails).
 */
final class InitLock {
    static final String INFORMATION_KEY = "lock-information";
    private static final Logger LOG = LoggerFactory.getLogger(InitLock.class);

    private final KubernetesClient client;
    /** Clusters (by uid) whose lock this process released after initialization: every join would ask again. */
    private final Set<String> releasedAfterInit = ConcurrentHashMap.newKeySet();

    InitLock(KubernetesClient client) {
        this.client = client;
    }

    static String name(String clusterName) {
        return clusterName + "-lock";
    }

    /** True when {@code machineName} holds the lock after this call. */
    boolean lock(JsonNode cluster, String machineName) {
        String namespace = ObjectMeta.namespace(cluster);
        String clusterName = ObjectMeta.name(cluster);
        ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name(clusterName)).get();
        if (existing != null) {
            String holder = holder(existing);
            if (machineName.equals(holder)) {
                return true;
            }
            boolean holderExists = holder != null && client.genericKubernetesResources(
                    CoreKinds.MACHINE.definitionContext()).inNamespace(namespace).withName(holder).get() != null;
            if (!holderExists) {
                LOG.info("releasing init lock of a Machine that is gone Cluster={}/{} Machine={}", namespace,
                        clusterName, holder);
                unlock(cluster);
            } else {
                LOG.info("waiting for Machine {} to initialize Cluster={}/{}", holder, namespace, clusterName);
            }
            return false;
        }
        ConfigMap lock = new ConfigMapBuilder().withNewMetadata().withName(name(clusterName)).withNamespace(namespace)
                .addToLabels(CoreLabels.ClusterNameLabel, clusterName)
                .addNewOwnerReference().withApiVersion(CoreGroup.API_VERSION).withKind("Cluster").withName(clusterName)
                .withUid(ObjectMeta.uid(cluster)).endOwnerReference()
                .endMetadata()
                .withData(Map.of(INFORMATION_KEY, Json.object().put("machineName", machineName).toString()))
                .build();
        try {
            client.configMaps().inNamespace(namespace).resource(lock).create();
            LOG.info("acquired init lock Cluster={}/{} Machine={}", namespace, clusterName, machineName);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Releases the lock once the control plane is initialized; later calls for the same Cluster send nothing
     * (a process restart releases it again, which is harmless).
     */
    void releaseAfterInitialization(JsonNode cluster) {
        String uid = ObjectMeta.uid(cluster);
        if (!releasedAfterInit.contains(uid)) {
            unlock(cluster);
            releasedAfterInit.add(uid);
        }
    }

    /** Releases the lock whoever holds it; absent is fine. */
    void unlock(JsonNode cluster) {
        client.configMaps().inNamespace(ObjectMeta.namespace(cluster)).withName(name(ObjectMeta.name(cluster)))
                .delete();
    }

    private static String holder(ConfigMap lock) {
        String information = lock.getData() == null ? null : lock.getData().get(INFORMATION_KEY);
        if (information == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(information).path("machineName").asText(null);
        } catch (IOException e) {
            return null; // unreadable: treated like a holder that is gone
        }
    }
}
