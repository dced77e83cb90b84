package io.capj.apimachinery.patch;

import io.capj.apimachinery.GroupVersionKind;
import java.util.Map;
import java.util.Optional;

/**
 * Merge schemas of the built-in kinds capj serves, transcribed from the patch strategies and list types of
 * k8s.io/api ({@code patchStrategy:"merge" patchMergeKey:"type"}, {@code +listType=set}, ...). These are
 * what kubectl's client-side {@code apply}, {@code cordon} and default {@code patch} rely on.
 */
public final class CoreMergeSchemas {
    /** Kinds with nothing but ObjectMeta to merge specially: ConfigMap, Secret, Event, Lease. */
    public static final MergeSchema OBJECT = MergeSchemas.object().build();

    public static final MergeSchema NAMESPACE = MergeSchemas.object()
            .atomicList("spec.finalizers")
            .mapList("status.conditions", "type")
            .build();

    public static final MergeSchema NODE = MergeSchemas.object()
            .set("spec.podCIDRs")
            .atomicList("spec.taints")
            .mapList("status.conditions", "type")
            .mapList("status.addresses", "type")
            .build();

    public static final MergeSchema SERVICE_ACCOUNT = MergeSchemas.object()
            .mapList("secrets", "name")
            .atomicList("imagePullSecrets")
            .build();

    /** Pods: containers, volumes and their nested lists merge by upstream's patchMergeKeys. */
    public static final MergeSchema POD = podSchema();

    private static MergeSchema podSchema() {
        MergeSchemas.Builder b = MergeSchemas.object();
        for (String containers : new String[] {"spec.initContainers", "spec.containers", "spec.ephemeralContainers"}) {
            b.mapList(containers, "name")
                    .mapList(containers + "[].ports", "containerPort", "protocol")
                    .mapList(containers + "[].env", "name")
                    .mapList(containers + "[].volumeMounts", "mountPath")
                    .mapList(containers + "[].volumeDevices", "devicePath")
                    .atomicList(containers + "[].envFrom")
                    .atomicList(containers + "[].resizePolicy");
        }
        return b.mapList("spec.volumes", "name")
                .mapList("spec.imagePullSecrets", "name")
                .mapList("spec.hostAliases", "ip")
                .mapList("spec.resourceClaims", "name")
                .mapList("spec.schedulingGates", "name")
                .atomicList("spec.tolerations")
                .mapList("status.conditions", "type")
                .mapList("status.podIPs", "ip")
                .mapList("status.hostIPs", "ip")
                .build();
    }

    private static final Map<String, MergeSchema> BY_GROUP_KIND = Map.of(
            "/Namespace", NAMESPACE,
            "/Pod", POD,
            "/Node", NODE,
            "/ServiceAccount", SERVICE_ACCOUNT,
            "/ConfigMap", OBJECT,
            "/Secret", OBJECT,
            "/Event", OBJECT,
            "events.k8s.io/Event", OBJECT,
            "coordination.k8s.io/Lease", OBJECT);

    private CoreMergeSchemas() {
    }

    /** The schema of a built-in kind, if capj knows its patch strategies. */
    public static Optional<MergeSchema> of(GroupVersionKind gvk) {
        return Optional.ofNullable(BY_GROUP_KIND.get(gvk.group() + "/" + gvk.kind()));
    }
}
