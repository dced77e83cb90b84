package io.capj.core.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.apimachinery.Json;
import io.capj.core.CoreKinds;
import io.capj.core.testing.CorePlane;
import io.capj.core.testing.TestProviders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Objects the Machine controller tests start from: a Cluster whose infrastructure and control plane the test
 * declares ready (the Cluster controller is not running), provider objects, and Machines referencing them.
 */
final class MachineFixtures {
    private MachineFixtures() {
    }

    /** A Cluster {@code ns/name} marked infrastructure-provisioned and control-plane-initialized. */
    static void readyCluster(CorePlane plane, String ns, String name) {
        ObjectNode cluster = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", "Cluster");
        cluster.putObject("metadata").put("name", name).put("namespace", ns);
        ObjectNode ref = cluster.putObject("spec").putObject("infrastructureRef");
        ref.put("apiGroup", TestProviders.INFRA_GROUP).put("kind", TestProviders.INFRA_CLUSTER).put("name", name);
        plane.create(CoreKinds.CLUSTER, cluster);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        plane.mergePatchStatus(CoreKinds.CLUSTER, ns, name, "{\"status\":{\"initialization\":{"
                + "\"infrastructureProvisioned\":true,\"controlPlaneInitialized\":true},\"conditions\":[{"
                + "\"type\":\"ControlPlaneInitialized\",\"status\":\"True\",\"reason\":\"Initialized\","
                + "\"message\":\"\",\"lastTransitionTime\":\"" + now + "\"}]}}");
    }

    /** A provider object of test kind {@code kind} named {@code name}. */
    static void providerObject(CorePlane plane, String ns, String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", TestProviders.apiVersion(kind)).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", ns);
        object.putObject("spec");
        plane.create(TestProviders.kind(kind), object);
    }

    /** A Machine referencing TestBootstrapConfig and TestInfraMachine objects of its own name. */
    static ObjectNode machine(String ns, String cluster, String name) {
        ObjectNode machine = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", "Machine");
        machine.putObject("metadata").put("name", name).put("namespace", ns);
        ObjectNode spec = machine.putObject("spec").put("clusterName", cluster);
        spec.putObject("bootstrap").putObject("configRef").put("apiGroup", TestProviders.BOOTSTRAP_GROUP)
                .put("kind", TestProviders.BOOTSTRAP_CONFIG).put("name", name);
        spec.putObject("infrastructureRef").put("apiGroup", TestProviders.INFRA_GROUP)
                .put("kind", TestProviders.INFRA_MACHINE).put("name", name);
        return machine;
    }
}
