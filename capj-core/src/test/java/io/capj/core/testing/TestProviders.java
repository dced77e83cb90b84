package io.capj.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Locale;

/**
 * Test-only provider kinds that implement the v1beta2 contracts with no controller behind them: tests flip
 * them to provisioned/ready themselves (see {@link CorePlane}), so core controllers can be driven step by step.
 * Their CRDs carry the contract label, so core resolves them like any external provider.
 */
public final class TestProviders {
    public static final String INFRA_GROUP = "infrastructure.cluster.x-k8s.io";
    public static final String BOOTSTRAP_GROUP = "bootstrap.cluster.x-k8s.io";
    public static final String CONTROL_PLANE_GROUP = "controlplane.cluster.x-k8s.io";
    public static final String VERSION = "v1beta2";

    public static final String INFRA_CLUSTER = "TestInfraCluster";
    public static final String INFRA_MACHINE = "TestInfraMachine";
    public static final String INFRA_MACHINE_TEMPLATE = "TestInfraMachineTemplate";
    public static final String BOOTSTRAP_CONFIG = "TestBootstrapConfig";
    public static final String BOOTSTRAP_CONFIG_TEMPLATE = "TestBootstrapConfigTemplate";
    public static final String CONTROL_PLANE = "TestControlPlane";

    private TestProviders() {
    }

    /** The kind to read and write objects of test provider kind {@code kind} with. */
    public static ResourceKind<GenericKubernetesResource> kind(String kind) {
        String group = kind.contains("Bootstrap") ? BOOTSTRAP_GROUP
                : kind.equals(CONTROL_PLANE) ? CONTROL_PLANE_GROUP : INFRA_GROUP;
        return ResourceKind.generic(group, VERSION, kind, kind.toLowerCase(Locale.ROOT) + "s", true);
    }

    /** {@code group/version} of a test provider kind, for references and templates. */
    public static String apiVersion(String kind) {
        return kind(kind).apiVersion();
    }

    /** The CRDs of every test provider kind. */
    public static List<ObjectNode> crds() {
        return List.of(
                crd(INFRA_GROUP, INFRA_CLUSTER), crd(INFRA_GROUP, INFRA_MACHINE),
                crd(INFRA_GROUP, INFRA_MACHINE_TEMPLATE),
                crd(BOOTSTRAP_GROUP, BOOTSTRAP_CONFIG), crd(BOOTSTRAP_GROUP, BOOTSTRAP_CONFIG_TEMPLATE),
                crd(CONTROL_PLANE_GROUP, CONTROL_PLANE));
    }

    private static ObjectNode crd(String group, String kind) {
        Schema open = Schema.object().preserveUnknownFields();
        return CrdBuilder.namespaced(group, kind)
                .label("cluster.x-k8s.io/v1beta2", VERSION)
                .version(VERSION, Schema.object().property("spec", open).property("status", Schema.object()
                        .preserveUnknownFields()))
                .build();
    }
}
