package io.capj.contract;

import static io.capj.contract.Trees.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContractVersionTest {
    private static final String CRD_NAME = "devmachines.infrastructure.cluster.x-k8s.io";

    /** A DevMachine CRD with {@code labels} (JSON members) serving {@code served} versions. */
    static ObjectNode crd(String labels, String... served) {
        StringBuilder versions = new StringBuilder();
        for (String v : served) {
            versions.append(versions.length() == 0 ? "" : ",").append("{'name':'").append(v)
                    .append("','served':true,'storage':false}");
        }
        versions.append(versions.length() == 0 ? "" : ",").append("{'name':'v1alpha1','served':false}");
        return obj("{'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',"
                + "'metadata':{'name':'" + CRD_NAME + "','labels':{" + labels + "}},"
                + "'spec':{'group':'infrastructure.cluster.x-k8s.io','versions':[" + versions + "]}}");
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                // labels, contract asked, expected contract, expected version
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1beta2'", "v1beta2", "v1beta2", "v1beta2"),
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1beta1_v1beta2'", "v1beta2", "v1beta2", "v1beta2"),
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1beta2_v1beta1'", "v1beta2", "v1beta2", "v1beta2"),
                Arguments.of("'cluster.x-k8s.io/v1beta1':'v1alpha4_v1beta1'", "v1beta2", "v1beta1", "v1beta1"),
                Arguments.of("'cluster.x-k8s.io/v1beta1':'v1beta1','cluster.x-k8s.io/v1beta2':'v1beta2'",
                        "v1beta2", "v1beta2", "v1beta2"),
                // an empty newer label is skipped, as upstream does
                Arguments.of("'cluster.x-k8s.io/v1beta1':'v1beta1','cluster.x-k8s.io/v1beta2':''",
                        "v1beta2", "v1beta1", "v1beta1"),
                // the label key form of the contract is accepted
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1beta2'", "cluster.x-k8s.io/v1beta2", "v1beta2", "v1beta2"),
                // a v1beta1 consumer ignores the v1beta2 label
                Arguments.of("'cluster.x-k8s.io/v1beta1':'v1beta1','cluster.x-k8s.io/v1beta2':'v1beta2'",
                        "v1beta1", "v1beta1", "v1beta1"),
                // listed but not served versions are skipped: the newest served one wins
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1beta1_v1beta2_v1'", "v1beta2", "v1beta2", "v1beta2"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("resolutions")
    void resolvesTheLatestCompatibleVersion(String labels, String contract, String expectedContract,
            String expectedVersion) {
        ContractVersion.Resolved resolved = ContractVersion.resolve(crd(labels, "v1beta1", "v1beta2"), contract);

        assertThat(resolved.contract()).isEqualTo(expectedContract);
        assertThat(resolved.version()).isEqualTo(expectedVersion);
        assertThat(resolved.apiVersion()).isEqualTo("infrastructure.cluster.x-k8s.io/" + expectedVersion);
        assertThat(resolved.crdName()).isEqualTo(CRD_NAME);
        assertThat(resolved.isV1Beta1()).isEqualTo("v1beta1".equals(expectedContract));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("", "v1beta2",
                        "cannot find any versions matching contract versions [v1beta2, v1beta1] for CRD " + CRD_NAME
                                + ": contract version label(s) cluster.x-k8s.io/v1beta2, cluster.x-k8s.io/v1beta1"
                                + " are missing or empty"),
                Arguments.of("'cluster.x-k8s.io/v1beta2':''", "v1beta2", "are missing or empty"),
                Arguments.of("'cluster.x-k8s.io/v1alpha4':'v1alpha4'", "v1beta2", "for CRD " + CRD_NAME),
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1beta2'", "v1beta1",
                        "contract versions [v1beta1] for CRD " + CRD_NAME),
                Arguments.of("'cluster.x-k8s.io/v1beta2':'v1alpha1_v3'", "v1beta2",
                        "CRD " + CRD_NAME + " label cluster.x-k8s.io/v1beta2=v1alpha1_v3 lists no version that"
                                + " the CRD serves (served: [v1beta1, v1beta2])"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("failures")
    void failsNamingTheCrdAndLabel(String labels, String contract, String message) {
        assertThatThrownBy(() -> ContractVersion.resolve(crd(labels, "v1beta1", "v1beta2"), contract))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyListedVersionCountsWhenServedVersionsAreUnknown() {
        ContractVersion.Resolved resolved = ContractVersion.resolve("x.example.io", "example.io",
                java.util.Map.of("cluster.x-k8s.io/v1beta2", "v1beta2_v1"), null, "v1beta2");

        assertThat(resolved.version()).isEqualTo("v1");
    }

    @Test
    void v1beta2IsCompatibleWithV1beta1OnlyOneWay() {
        assertThat(ContractVersion.compatibleWith("v1beta2")).containsExactly("v1beta2", "v1beta1");
        assertThat(ContractVersion.compatibleWith("v1beta1")).containsExactly("v1beta1");
        assertThatThrownBy(() -> ContractVersion.compatibleWith("")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'cluster.x-k8s.io/v1beta1':'v1alpha4_v1beta1','cluster.x-k8s.io/v1beta2':'v1beta2'|v1beta1|v1beta1",
        "'cluster.x-k8s.io/v1beta1':'v1alpha4_v1beta1','cluster.x-k8s.io/v1beta2':'v1beta2'|v1beta2|v1beta2",
        "'cluster.x-k8s.io/v1beta1':'v1beta2','cluster.x-k8s.io/v1beta2':'v1beta2'|v1beta2|v1beta2",
        "'cluster.x-k8s.io/v1beta1':'v1alpha4_v1beta1'|v1alpha4|v1beta1",
    })
    void findsTheContractOfAnApiVersion(String labels, String version, String contract) {
        assertThat(ContractVersion.contractForVersion(crd(labels, "v1beta1"), version)).isEqualTo(contract);
    }

    @Test
    void contractOfAnUnlistedVersionNamesTheCrd() {
        assertThatThrownBy(() -> ContractVersion.contractForVersion(crd("'app':'x'", "v1beta1"), "v1beta1"))
                .isInstanceOf(ContractException.class)
                .hasMessage("cannot find any contract version matching version v1beta1 for CRD " + CRD_NAME);
    }

    @ParameterizedTest
    @CsvSource({
        "infrastructure.cluster.x-k8s.io, DevMachine, devmachines.infrastructure.cluster.x-k8s.io",
        "controlplane.cluster.x-k8s.io, KubeadmControlPlane, kubeadmcontrolplanes.controlplane.cluster.x-k8s.io",
        "infrastructure.cluster.x-k8s.io, AWSManagedControlPlane, awsmanagedcontrolplanes.infrastructure.cluster.x-k8s.io",
        "example.io, Proxy, proxies.example.io",
        "example.io, Gateway, gateways.example.io",
        "example.io, Address, addresses.example.io",
    })
    void namesCrdsAsTheContractRequires(String group, String kind, String expected) {
        assertThat(ContractVersion.crdName(group, kind)).isEqualTo(expected);
    }
}
