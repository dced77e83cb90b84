package io.capj.contract;

import static io.capj.contract.Trees.obj;
import static io.capj.contract.Trees.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlPlaneContractTest {
    private static final String B1 = "v1beta1";
    private static final String B2 = "v1beta2";

    /** A v1beta2-shaped KubeadmControlPlane status, as our own provider writes it. */
    private static final String V1BETA2_STATUS = "'status':{'replicas':3,'readyReplicas':2,'availableReplicas':2,"
            + "'upToDateReplicas':1,'version':'v1.33.0','selector':'cluster.x-k8s.io/control-plane',"
            + "'initialization':{'controlPlaneInitialized':true},"
            + "'deprecated':{'v1beta1':{'updatedReplicas':1,'unavailableReplicas':1,'readyReplicas':2}}}";
    /** A v1beta1-shaped status from an older provider: updated/unavailable counters, {@code initialized}. */
    private static final String V1BETA1_STATUS = "'status':{'replicas':3,'readyReplicas':3,'updatedReplicas':2,"
            + "'unavailableReplicas':1,'initialized':true,'ready':false,'version':'v1.32.1','selector':'a=b'}";

    private static AccessorCase<ControlPlaneContract> row(String contract, String path, String object,
            Function<ControlPlaneContract, Field<?>> accessor, Object expected) {
        return new AccessorCase<>(contract, path, object, accessor, expected);
    }

    static Stream<Arguments> accessors() {
        String spec = "'spec':{'replicas':3,'version':'v1.33.0',"
                + "'controlPlaneEndpoint':{'host':'cp.example','port':6443},"
                + "'machineTemplate':{'metadata':{'labels':{'a':'b'}},"
                + "'spec':{'infrastructureRef':{'apiGroup':'infrastructure.cluster.x-k8s.io',"
                + "'kind':'DevMachineTemplate','name':'cp'}}}}";
        String v1beta1Spec = "'spec':{'replicas':1,'version':'v1.32.1',"
                + "'machineTemplate':{'infrastructureRef':{'apiVersion':'infrastructure.cluster.x-k8s.io/v1beta1',"
                + "'kind':'DockerMachineTemplate','name':'cp','namespace':'default'}}}";
        return Stream.of(
                row(B2, "spec.replicas", spec, ControlPlaneContract::replicas, 3L).row("replicas"),
                row(B1, "spec.replicas", v1beta1Spec, ControlPlaneContract::replicas, 1L).row("replicas v1beta1"),
                row(B2, "spec.replicas", "'spec':{}", ControlPlaneContract::replicas, null).row("no replicas"),
                row(B2, "spec.version", spec, ControlPlaneContract::version, "v1.33.0").row("version"),
                row(B1, "spec.version", v1beta1Spec, ControlPlaneContract::version, "v1.32.1").row("version v1beta1"),
                row(B2, "spec.controlPlaneEndpoint", spec, ControlPlaneContract::controlPlaneEndpoint,
                        new ApiEndpoint("cp.example", 6443)).row("endpoint"),
                row(B2, "spec.machineTemplate.spec.infrastructureRef", spec,
                        ControlPlaneContract::machineTemplateInfrastructureRef,
                        new ContractReference("infrastructure.cluster.x-k8s.io", "DevMachineTemplate", "cp"))
                        .row("infrastructureRef v1beta2"),
                row(B2, "spec.machineTemplate.metadata", spec, ControlPlaneContract::machineTemplateMetadata,
                        obj("{'labels':{'a':'b'}}")).row("machine template metadata"),
                row(B2, "spec.machineTemplate.spec.deletion.nodeDrainTimeoutSeconds",
                        "'spec':{'machineTemplate':{'spec':{'deletion':{'nodeDrainTimeoutSeconds':300}}}}",
                        ControlPlaneContract::nodeDrainTimeout, Duration.ofMinutes(5)).row("drain timeout"),
                row(B1, "spec.machineTemplate.nodeDrainTimeout",
                        "'spec':{'machineTemplate':{'nodeDrainTimeout':'5m0s'}}",
                        ControlPlaneContract::nodeDrainTimeout, Duration.ofMinutes(5)).row("drain timeout v1beta1"),
                row(B2, "spec.machineTemplate.spec.deletion.nodeVolumeDetachTimeoutSeconds",
                        "'spec':{'machineTemplate':{'spec':{'deletion':{'nodeVolumeDetachTimeoutSeconds':0}}}}",
                        ControlPlaneContract::nodeVolumeDetachTimeout, Duration.ZERO).row("detach timeout"),
                row(B1, "spec.machineTemplate.nodeVolumeDetachTimeout",
                        "'spec':{'machineTemplate':{'nodeVolumeDetachTimeout':'1h30m'}}",
                        ControlPlaneContract::nodeVolumeDetachTimeout, Duration.ofMinutes(90))
                        .row("detach timeout v1beta1"),
                row(B2, "spec.machineTemplate.spec.deletion.nodeDeletionTimeoutSeconds",
                        "'spec':{'machineTemplate':{'spec':{'deletion':{'nodeDeletionTimeoutSeconds':10}}}}",
                        ControlPlaneContract::nodeDeletionTimeout, Duration.ofSeconds(10)).row("deletion timeout"),
                row(B1, "spec.machineTemplate.nodeDeletionTimeout",
                        "'spec':{'machineTemplate':{'nodeDeletionTimeout':'10s'}}",
                        ControlPlaneContract::nodeDeletionTimeout, Duration.ofSeconds(10))
                        .row("deletion timeout v1beta1"),
                row(B2, "status.version", V1BETA2_STATUS, ControlPlaneContract::statusVersion, "v1.33.0")
                        .row("status version"),
                row(B1, "status.version", V1BETA1_STATUS, ControlPlaneContract::statusVersion, "v1.32.1")
                        .row("status version v1beta1"),
                row(B2, "status.replicas", V1BETA2_STATUS, ControlPlaneContract::statusReplicas, 3L)
                        .row("status replicas"),
                row(B1, "status.replicas", V1BETA1_STATUS, ControlPlaneContract::statusReplicas, 3L)
                        .row("status replicas v1beta1"),
                row(B2, "status.readyReplicas", V1BETA2_STATUS, ControlPlaneContract::readyReplicas, 2L)
                        .row("ready"),
                row(B1, "status.readyReplicas", V1BETA1_STATUS, ControlPlaneContract::readyReplicas, 3L)
                        .row("ready v1beta1"),
                row(B2, "status.availableReplicas", V1BETA2_STATUS, ControlPlaneContract::availableReplicas, 2L)
                        .row("available"),
                row(B2, "status.upToDateReplicas", V1BETA2_STATUS, ControlPlaneContract::upToDateReplicas, 1L)
                        .row("upToDate"),
                row(B2, "status.upToDateReplicas", V1BETA1_STATUS, ControlPlaneContract::upToDateReplicas, null)
                        .row("v1beta2 ignores updatedReplicas"),
                row(B1, "status.updatedReplicas", V1BETA1_STATUS, ControlPlaneContract::upToDateReplicas, 2L)
                        .row("upToDate v1beta1"),
                row(B1, "status.unavailableReplicas", V1BETA1_STATUS,
                        ControlPlaneContract::v1beta1UnavailableReplicas, 1L).row("unavailable v1beta1"),
                row(B2, "status.initialization.controlPlaneInitialized", V1BETA2_STATUS,
                        ControlPlaneContract::initialized, true).row("initialized"),
                row(B2, "status.initialization.controlPlaneInitialized", V1BETA1_STATUS,
                        ControlPlaneContract::initialized, null).row("v1beta2 ignores status.initialized"),
                row(B1, "status.initialized", V1BETA1_STATUS, ControlPlaneContract::initialized, true)
                        .row("initialized v1beta1"),
                row(B2, "status.selector", V1BETA2_STATUS, ControlPlaneContract::selector,
                        "cluster.x-k8s.io/control-plane").row("selector"),
                row(B1, "status.selector", V1BETA1_STATUS, ControlPlaneContract::selector, "a=b")
                        .row("selector v1beta1"),
                row(B2, "status.externalManagedControlPlane", "'status':{'externalManagedControlPlane':true}",
                        ControlPlaneContract::externalManagedControlPlane, true).row("externally managed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void readsAndWritesTheContractPath(String name, AccessorCase<ControlPlaneContract> row) {
        row.verify(ControlPlaneContract::forContract, "KubeadmControlPlane");
    }

    static Stream<Arguments> scaling() {
        String v2 = "'status':{'replicas':3,'upToDateReplicas':3,'readyReplicas':3,'availableReplicas':3,"
                + "'version':'v1.33.0'}";
        String v1 = "'status':{'replicas':3,'updatedReplicas':3,'readyReplicas':3,'version':'v1.32.0'}";
        return Stream.of(
                // contract, spec.replicas, status, scaling, provisioning, available
                Arguments.of(B2, 3, v2, false, false, 3L),
                Arguments.of(B2, 5, v2, true, false, 3L),
                Arguments.of(B2, 3, "'status':{'replicas':3,'upToDateReplicas':3,'readyReplicas':3}", true, true, null),
                Arguments.of(B2, 1, "", true, true, null),
                Arguments.of(B2, 3, v2.replace("'version':'v1.33.0'", "'version':''"), false, true, 3L),
                // v1beta1: a missing unavailableReplicas counts as 0, so all three are available
                Arguments.of(B1, 3, v1, false, false, 3L),
                Arguments.of(B1, 3, v1.replace("'replicas':3,", "'replicas':3,'unavailableReplicas':1,"), true, false,
                        2L),
                Arguments.of(B1, 3, v1.replace("'updatedReplicas':3", "'updatedReplicas':2"), true, false, 3L),
                Arguments.of(B1, 3, v2, true, false, 3L));
    }

    @ParameterizedTest(name = "{0} replicas={1} {2}")
    @MethodSource("scaling")
    void derivesScalingProvisioningAndAvailability(String contractVersion, int desired, String status,
            boolean scaling, boolean provisioning, Long available) {
        ObjectNode kcp = provider("KubeadmControlPlane", "cp",
                "'spec':{'replicas':" + desired + "}" + (status.isEmpty() ? "" : "," + status));
        ControlPlaneContract contract = ControlPlaneContract.forContract(contractVersion);

        assertThat(contract.isScaling(kcp)).isEqualTo(scaling);
        assertThat(contract.isProvisioning(kcp)).isEqualTo(provisioning);
        assertThat(contract.availableReplicas(kcp)).isEqualTo(java.util.Optional.ofNullable(available));
    }

    @Test
    void scalingNeedsDesiredReplicas() {
        ObjectNode kcp = provider("KubeadmControlPlane", "cp", "'spec':{}");
        assertThatThrownBy(() -> ControlPlaneContract.forContract(B2).isScaling(kcp))
                .isInstanceOf(ContractException.class)
                .hasMessage("failed to read spec.replicas of KubeadmControlPlane default/cp: not set");
    }

    @Test
    void readsTheV1beta1InfrastructureRefButRefusesToWriteIt() {
        ObjectNode kcp = provider("KubeadmControlPlane", "cp", "'spec':{'machineTemplate':{'infrastructureRef':"
                + "{'apiVersion':'infrastructure.cluster.x-k8s.io/v1beta1','kind':'DockerMachineTemplate',"
                + "'name':'cp-tmpl'}}}");
        Field<ContractReference> ref = ControlPlaneContract.forContract(B1).machineTemplateInfrastructureRef();

        assertThat(ref.path()).isEqualTo("spec.machineTemplate.infrastructureRef");
        assertThat(ref.get(kcp)).contains(
                new ContractReference("infrastructure.cluster.x-k8s.io", "DockerMachineTemplate", "cp-tmpl"));
        assertThatThrownBy(() -> ref.set(kcp, new ContractReference("g", "K", "n")))
                .isInstanceOf(ContractException.class)
                .hasMessage("cannot set spec.machineTemplate.infrastructureRef of KubeadmControlPlane default/cp: "
                        + "a v1beta1 ObjectReference needs an apiVersion with a version");
        assertThat(ControlPlaneContract.forContract(B2).machineTemplateInfrastructureRef().get(kcp)).isEmpty();
    }

    @Test
    void namesObjectAndPathOnWrongType() {
        ObjectNode kcp = provider("KubeadmControlPlane", "cp", "'spec':{'replicas':2.5,'version':1.33}");
        ControlPlaneContract contract = ControlPlaneContract.forContract(B2);

        assertThatThrownBy(() -> contract.replicas().get(kcp)).isInstanceOf(ContractException.class)
                .hasMessage("failed to read spec.replicas of KubeadmControlPlane default/cp: expected integer");
        assertThatThrownBy(() -> contract.version().get(kcp)).isInstanceOf(ContractException.class)
                .hasMessage("failed to read spec.version of KubeadmControlPlane default/cp: expected string");
        ObjectNode v1beta1 = provider("KubeadmControlPlane", "cp",
                "'spec':{'machineTemplate':{'nodeDrainTimeout':300}}");
        assertThatThrownBy(() -> ControlPlaneContract.forContract(B1).nodeDrainTimeout().get(v1beta1))
                .isInstanceOf(ContractException.class)
                .hasMessage("failed to read spec.machineTemplate.nodeDrainTimeout of KubeadmControlPlane default/cp: "
                        + "expected duration string such as 5m0s");
    }
}
