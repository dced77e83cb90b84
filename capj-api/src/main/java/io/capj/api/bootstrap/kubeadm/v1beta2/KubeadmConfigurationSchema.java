package io.capj.api.bootstrap.kubeadm.v1beta2;

import static io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpecSchema.text;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.mapOf;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.capj.api.schema.Schema;

/**
 * The kubeadm configuration blocks of a KubeadmConfig spec in the shape Cluster API v1beta2 gives them
 * (kubeadm v1beta4 with Cluster API's changes: extra args as name/value lists, timeouts in seconds, fields
 * Cluster API sets itself left out): ClusterConfiguration, InitConfiguration and JoinConfiguration.
 */
final class KubeadmConfigurationSchema {
    /** A Kubernetes resource quantity such as {@code 1Gi} or {@code 500m}. */
    private static final String QUANTITY = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]"
            + "|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

    private KubeadmConfigurationSchema() {
    }

    /** {@code clusterConfiguration}: cluster-wide settings used by {@code kubeadm init}. */
    static Schema clusterConfiguration() {
        Schema etcd = object().nonEmpty()
                .property("local", object().nonEmpty()
                        .property("imageRepository", text(512))
                        .property("imageTag", text(256))
                        .property("dataDir", text(512))
                        .property("extraArgs", extraArgs("extraArgs"))
                        .property("extraEnvs", extraEnvs())
                        .property("serverCertSANs", arrayOf(text(253)).items(1, 100).atomicList())
                        .property("peerCertSANs", arrayOf(text(253)).items(1, 100).atomicList()))
                .property("external", object()
                        .require("endpoints", arrayOf(text(512)).items(1, 50).atomicList())
                        .require("caFile", text(512))
                        .require("certFile", text(512))
                        .require("keyFile", text(512)));
        return object().nonEmpty()
                .property("etcd", etcd)
                .property("controlPlaneEndpoint", text(512))
                .property("apiServer", controlPlaneComponent()
                        .property("certSANs", arrayOf(text(253)).items(1, 100).atomicList()))
                .property("controllerManager", controlPlaneComponent())
                .property("scheduler", controlPlaneComponent())
                .property("dns", object().nonEmpty()
                        .property("imageRepository", text(512))
                        .property("imageTag", text(256)))
                .property("certificatesDir", text(512))
                .property("imageRepository", text(512))
                .property("featureGates", mapOf(bool()))
                .property("certificateValidityPeriodDays", int32().minimum(1).maximum(1095))
                .property("caCertificateValidityPeriodDays", int32().minimum(1).maximum(36500))
                .property("encryptionAlgorithm",
                        string().oneOf("ECDSA-P256", "ECDSA-P384", "RSA-2048", "RSA-3072", "RSA-4096"));
    }

    /** {@code initConfiguration}: settings of the first control plane node only. */
    static Schema initConfiguration() {
        Schema bootstrapToken = object()
                .require("token", text(23))
                .property("description", text(512))
                .property("ttlSeconds", int32().minimum(0))
                .property("expires", dateTime())
                .property("usages", arrayOf(text(256)).items(1, 100).atomicList())
                .property("groups", arrayOf(text(256)).items(1, 100).atomicList());
        return object().nonEmpty()
                .property("bootstrapTokens", arrayOf(bootstrapToken).items(1, 100).atomicList())
                .property("nodeRegistration", nodeRegistration())
                .property("localAPIEndpoint", apiEndpoint())
                .property("skipPhases", skipPhases())
                .property("patches", patches())
                .property("timeouts", timeouts());
    }

    /** {@code joinConfiguration}: settings of every node joining an existing cluster. */
    static Schema joinConfiguration() {
        Schema discovery = object().nonEmpty()
                .property("bootstrapToken", object().nonEmpty()
                        .property("token", text(512))
                        .property("apiServerEndpoint", text(512))
                        .property("caCertHashes", arrayOf(text(512)).items(1, 100).atomicList())
                        .property("unsafeSkipCAVerification", bool()))
                .property("file", object()
                        .require("kubeConfigPath", text(512))
                        .property("kubeConfig", discoveryKubeConfig()))
                .property("tlsBootstrapToken", text(512));
        return object().nonEmpty()
                .property("nodeRegistration", nodeRegistration())
                .property("caCertPath", text(512))
                .property("discovery", discovery)
                .property("controlPlane", object().property("localAPIEndpoint", apiEndpoint()))
                .property("skipPhases", skipPhases())
                .property("patches", patches())
                .property("timeouts", timeouts());
    }

    /** Extra flags of a component as a name/value list; names are unique. */
    private static Schema extraArgs(String field) {
        Schema arg = object()
                .require("name", text(256))
                .require("value", string().length(0, 1024));
        return arrayOf(arg).items(1, 100).listMap("name", "value")
                .rule("self.all(x, self.exists_one(y, x.name == y.name))", field + " name must be unique");
    }

    /** API server, controller manager or scheduler: extra args, environment and host path volumes. */
    private static Schema controlPlaneComponent() {
        Schema volume = object()
                .require("name", text(512))
                .require("hostPath", text(512))
                .require("mountPath", text(512))
                .property("readOnly", bool())
                .property("pathType", string());
        return object().nonEmpty()
                .property("extraArgs", extraArgs("extraArgs"))
                .property("extraVolumes", arrayOf(volume).items(1, 100).atomicList())
                .property("extraEnvs", extraEnvs());
    }

    /** Environment variables of a static Pod: Kubernetes {@code EnvVar} items. */
    private static Schema extraEnvs() {
        Schema valueFrom = object()
                .property("configMapKeyRef", keySelector())
                .property("secretKeyRef", keySelector())
                .property("fieldRef", object().atomicMap()
                        .require("fieldPath", string())
                        .property("apiVersion", string()))
                .property("resourceFieldRef", object().atomicMap()
                        .require("resource", string())
                        .property("containerName", string())
                        .property("divisor", intOrString().pattern(QUANTITY)))
                .property("fileKeyRef", object().atomicMap()
                        .require("volumeName", string())
                        .require("path", string())
                        .require("key", string())
                        .property("optional", bool().defaultValue(BooleanNode.FALSE)));
        Schema env = object()
                .require("name", string())
                .property("value", string())
                .property("valueFrom", valueFrom);
        return arrayOf(env).items(1, 100).atomicList();
    }

    /** A key of a ConfigMap or Secret, as Kubernetes' {@code ConfigMapKeySelector} and {@code SecretKeySelector}. */
    private static Schema keySelector() {
        return object().atomicMap()
                .require("key", string())
                .property("name", string().defaultValue(TextNode.valueOf("")))
                .property("optional", bool());
    }

    private static Schema nodeRegistration() {
        Schema taint = object()
                .require("key", string())
                .require("effect", string())
                .property("value", string())
                .property("timeAdded", dateTime());
        return object().nonEmpty()
                .property("name", text(253))
                .property("criSocket", text(512))
                .property("taints", arrayOf(taint).items(0, 100))
                .property("kubeletExtraArgs", extraArgs("kubeletExtraArgs"))
                .property("ignorePreflightErrors", arrayOf(text(512)).items(1, 50).atomicList())
                .property("imagePullPolicy", string().oneOf("Always", "IfNotPresent", "Never"))
                .property("imagePullSerial", bool());
    }

    private static Schema apiEndpoint() {
        return object().nonEmpty()
                .property("advertiseAddress", text(39))
                .property("bindPort", int32().minimum(1));
    }

    private static Schema skipPhases() {
        return arrayOf(text(256)).items(1, 50).atomicList();
    }

    private static Schema patches() {
        return object().nonEmpty().property("directory", text(512));
    }

    /** kubeadm's timeouts, in seconds. */
    private static Schema timeouts() {
        return object().nonEmpty()
                .property("controlPlaneComponentHealthCheckSeconds", int32().minimum(0))
                .property("kubeletHealthCheckSeconds", int32().minimum(0))
                .property("kubernetesAPICallSeconds", int32().minimum(0))
                .property("etcdAPICallSeconds", int32().minimum(0))
                .property("tlsBootstrapSeconds", int32().minimum(0))
                .property("discoverySeconds", int32().minimum(0));
    }

    /** The kubeconfig {@code discovery.file} may carry inline instead of reading it from the path. */
    private static Schema discoveryKubeConfig() {
        Schema cluster = object().nonEmpty()
                .property("server", text(512))
                .property("tlsServerName", text(512))
                .property("insecureSkipTLSVerify", bool())
                .property("certificateAuthorityData", text(51200).format("byte"))
                .property("proxyURL", text(512));
        Schema envVar = object().require("name", text(512)).require("value", text(512));
        Schema exec = object()
                .require("command", text(1024))
                .property("args", arrayOf(text(512)).items(1, 100).atomicList())
                .property("env", arrayOf(envVar).items(1, 100).atomicList())
                .property("apiVersion", text(512))
                .property("provideClusterInfo", bool());
        Schema user = object().nonEmpty()
                .property("authProvider", object()
                        .require("name", text(256))
                        .property("config", mapOf(string())))
                .property("exec", exec);
        return object()
                .property("cluster", cluster)
                .require("user", user);
    }
}
