package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.MetaV1Messages.OBJECT_META;
import static io.capj.apiserver.internal.protobuf.Scalar.BOOL;
import static io.capj.apiserver.internal.protobuf.Scalar.INT32;
import static io.capj.apiserver.internal.protobuf.Scalar.INT64;
import static io.capj.apiserver.internal.protobuf.Scalar.STRING;
import static io.capj.apiserver.internal.protobuf.WellKnown.QUANTITY;
import static io.capj.apiserver.internal.protobuf.WellKnown.TIME;

/**
 * The core/v1 Node table. Field numbers: k8s.io/api {@code core/v1/generated.proto}; JSON names and omission:
 * {@code core/v1/types.go}. The deprecated dynamic kubelet config ({@code spec.configSource},
 * {@code status.config}) is covered too, so that no field a client sets is silently dropped.
 */
final class NodeMessages {
    static final ProtoMessage TAINT = ProtoMessage.builder("Taint")
            .always(1, "key", STRING)
            .omitEmpty(2, "value", STRING)
            .always(3, "effect", STRING)
            .pointer(4, "timeAdded", TIME)
            .build();

    static final ProtoMessage NODE_CONFIG_SOURCE = ProtoMessage.builder("NodeConfigSource")
            .pointer(2, "configMap", ProtoMessage.builder("ConfigMapNodeConfigSource")
                    .always(1, "namespace", STRING)
                    .always(2, "name", STRING)
                    .omitEmpty(3, "uid", STRING)
                    .omitEmpty(4, "resourceVersion", STRING)
                    .always(5, "kubeletConfigKey", STRING)
                    .build())
            .build();

    static final ProtoMessage NODE_SPEC = ProtoMessage.builder("NodeSpec")
            .omitEmpty(1, "podCIDR", STRING)
            .list(7, "podCIDRs", STRING)
            .omitEmpty(3, "providerID", STRING)
            .omitEmpty(4, "unschedulable", BOOL)
            .list(5, "taints", TAINT)
            .pointer(6, "configSource", NODE_CONFIG_SOURCE)
            .omitEmpty(2, "externalID", STRING)
            .pointer(8, "podPreemptionPolicy", ProtoMessage.builder("NodePodPreemptionPolicy")
                    .list(1, "disableResizePreemption", STRING)
                    .build())
            .build();

    static final ProtoMessage NODE_CONDITION = ProtoMessage.builder("NodeCondition")
            .always(1, "type", STRING)
            .always(2, "status", STRING)
            .omitEmpty(3, "lastHeartbeatTime", TIME)
            .omitEmpty(4, "lastTransitionTime", TIME)
            .omitEmpty(5, "reason", STRING)
            .omitEmpty(6, "message", STRING)
            .build();

    static final ProtoMessage NODE_ADDRESS = ProtoMessage.builder("NodeAddress")
            .always(1, "type", STRING)
            .always(2, "address", STRING)
            .build();

    static final ProtoMessage NODE_SYSTEM_INFO = ProtoMessage.builder("NodeSystemInfo")
            .always(1, "machineID", STRING)
            .always(2, "systemUUID", STRING)
            .always(3, "bootID", STRING)
            .always(4, "kernelVersion", STRING)
            .always(5, "osImage", STRING)
            .always(6, "containerRuntimeVersion", STRING)
            .always(7, "kubeletVersion", STRING)
            .always(8, "kubeProxyVersion", STRING)
            .always(9, "operatingSystem", STRING)
            .always(10, "architecture", STRING)
            .pointer(11, "swap", ProtoMessage.builder("NodeSwapStatus")
                    .pointer(1, "capacity", INT64)
                    .build())
            .build();

    static final ProtoMessage NODE_DAEMON_ENDPOINTS = ProtoMessage.builder("NodeDaemonEndpoints")
            .omitEmpty(1, "kubeletEndpoint", ProtoMessage.builder("DaemonEndpoint")
                    .always(1, "Port", INT32) // capitalised in upstream's JSON tag, for backwards compatibility
                    .build())
            .build();

    static final ProtoMessage CONTAINER_IMAGE = ProtoMessage.builder("ContainerImage")
            .listOrNull(1, "names", STRING)
            .omitEmpty(2, "sizeBytes", INT64)
            .build();

    static final ProtoMessage ATTACHED_VOLUME = ProtoMessage.builder("AttachedVolume")
            .always(1, "name", STRING)
            .always(2, "devicePath", STRING)
            .build();

    static final ProtoMessage NODE_CONFIG_STATUS = ProtoMessage.builder("NodeConfigStatus")
            .pointer(1, "assigned", NODE_CONFIG_SOURCE)
            .pointer(2, "active", NODE_CONFIG_SOURCE)
            .pointer(3, "lastKnownGood", NODE_CONFIG_SOURCE)
            .omitEmpty(4, "error", STRING)
            .build();

    static final ProtoMessage NODE_RUNTIME_HANDLER = ProtoMessage.builder("NodeRuntimeHandler")
            .always(1, "name", STRING)
            .pointer(2, "features", ProtoMessage.builder("NodeRuntimeHandlerFeatures")
                    .pointer(1, "recursiveReadOnlyMounts", BOOL)
                    .pointer(2, "userNamespaces", BOOL)
                    .build())
            .build();

    static final ProtoMessage NODE_STATUS = ProtoMessage.builder("NodeStatus")
            .map(1, "capacity", QUANTITY)
            .map(2, "allocatable", QUANTITY)
            .omitEmpty(3, "phase", STRING)
            .list(4, "conditions", NODE_CONDITION)
            .list(5, "addresses", NODE_ADDRESS)
            .omitEmpty(6, "daemonEndpoints", NODE_DAEMON_ENDPOINTS)
            .omitEmpty(7, "nodeInfo", NODE_SYSTEM_INFO)
            .list(8, "images", CONTAINER_IMAGE)
            .list(9, "volumesInUse", STRING)
            .list(10, "volumesAttached", ATTACHED_VOLUME)
            .pointer(11, "config", NODE_CONFIG_STATUS)
            .list(12, "runtimeHandlers", NODE_RUNTIME_HANDLER)
            .pointer(13, "features", ProtoMessage.builder("NodeFeatures")
                    .pointer(1, "supplementalGroupsPolicy", BOOL)
                    .build())
            .list(14, "declaredFeatures", STRING)
            .build();

    static final ProtoMessage NODE = ProtoMessage.builder("Node")
            .omitEmpty(1, "metadata", OBJECT_META)
            .omitEmpty(2, "spec", NODE_SPEC)
            .omitEmpty(3, "status", NODE_STATUS)
            .build();

    private NodeMessages() {
    }
}
