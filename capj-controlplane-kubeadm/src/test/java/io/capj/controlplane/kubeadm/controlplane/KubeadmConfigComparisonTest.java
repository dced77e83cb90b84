package io.capj.controlplane.kubeadm.controlplane;

import static io.capj.controlplane.kubeadm.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's filters_test.go (matchesKubeadmConfig) on JSON trees. */
class KubeadmConfigComparisonTest {

    private static final String KCP = "{'clusterConfiguration':{'apiServer':{'extraArgs':[{'name':'a','value':'1'}]}},"
            + "'initConfiguration':{'nodeRegistration':{'name':'n'}},"
            + "'joinConfiguration':{'nodeRegistration':{'name':'n'}},'preKubeadmCommands':['echo hi']}";

    private static final String JOIN = "{'clusterConfiguration':{'apiServer':{'extraArgs':[{'name':'a','value':'1'}]}},"
            + "'joinConfiguration':{'nodeRegistration':{'name':'n'},'controlPlane':{}},'preKubeadmCommands':['echo hi']}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("join config equal to KCP's", KCP, JOIN, true),
                Arguments.of("init config equal to KCP's (init converted to join)", KCP,
                        "{'clusterConfiguration':{'apiServer':{'extraArgs':[{'name':'a','value':'1'}]}},"
                                + "'initConfiguration':{'nodeRegistration':{'name':'n'}},'preKubeadmCommands':['echo hi']}",
                        true),
                Arguments.of("changed extra arg", KCP, JOIN.replace("'value':'1'", "'value':'2'"), false),
                Arguments.of("changed preKubeadmCommands", KCP, JOIN.replace("echo hi", "echo bye"), false),
                Arguments.of("controlPlaneEndpoint ignored", KCP,
                        JOIN.replace("'apiServer'", "'controlPlaneEndpoint':'1.2.3.4:6443','apiServer'"), true),
                Arguments.of("dns ignored", KCP, JOIN.replace("'apiServer'", "'dns':{'imageTag':'v9'},'apiServer'"), true),
                Arguments.of("discovery ignored", KCP,
                        JOIN.replace("'controlPlane':{}", "'controlPlane':{},'discovery':{'bootstrapToken':{'token':'x'}}"),
                        true),
                Arguments.of("controlPlaneComponentHealthCheckSeconds ignored", KCP,
                        JOIN.replace("'controlPlane':{}", "'controlPlane':{},'timeouts':"
                                + "{'controlPlaneComponentHealthCheckSeconds':300}"), true),
                Arguments.of("other timeouts compared", KCP,
                        JOIN.replace("'controlPlane':{}", "'controlPlane':{},'timeouts':{'kubeletHealthCheckSeconds':9}"),
                        false),
                Arguments.of("empty list equals unset", KCP, JOIN.replace("'preKubeadmCommands'", "'files':[],'users':[],"
                        + "'preKubeadmCommands'"), true),
                Arguments.of("format cloud-config is the default", KCP, JOIN.replace("'preKubeadmCommands'",
                        "'format':'cloud-config','preKubeadmCommands'"), true),
                Arguments.of("format ignition differs", KCP, JOIN.replace("'preKubeadmCommands'",
                        "'format':'ignition','preKubeadmCommands'"), false),
                Arguments.of("imagePullPolicy IfNotPresent is the default", KCP,
                        JOIN.replace("{'name':'n'},'controlPlane'", "{'name':'n','imagePullPolicy':'IfNotPresent'},"
                                + "'controlPlane'"), true),
                Arguments.of("empty taints differ from unset taints", KCP,
                        JOIN.replace("{'name':'n'},'controlPlane'", "{'name':'n','taints':[]},'controlPlane'"), false),
                Arguments.of("init config that matches only the KCP's init configuration", KCP.replace(
                                "'initConfiguration':{'nodeRegistration':{'name':'n'}}",
                                "'initConfiguration':{'nodeRegistration':{'name':'init-only'}}"),
                        "{'clusterConfiguration':{'apiServer':{'extraArgs':[{'name':'a','value':'1'}]}},"
                                + "'initConfiguration':{'nodeRegistration':{'name':'init-only'}},"
                                + "'preKubeadmCommands':['echo hi']}", true),
                Arguments.of("join config does not get the init fallback", KCP.replace(
                                "'joinConfiguration':{'nodeRegistration':{'name':'n'}}",
                                "'joinConfiguration':{'nodeRegistration':{'name':'changed'}}"),
                        JOIN, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparesTheWaysUpstreamDoes(String name, String kcpSpec, String machineSpec, boolean matches) {
        assertThat(KubeadmConfigComparison.compare(json(kcpSpec), "v1.30.0", json(machineSpec)).matches())
                .isEqualTo(matches);
    }

    @Test
    void reportsTheDifferingPaths() {
        var outcome = KubeadmConfigComparison.compare(json(KCP), "v1.30.0", json(JOIN.replace("echo hi", "echo bye")));
        assertThat(outcome.differences()).containsExactly("preKubeadmCommands");
        assertThat(outcome.logMessage()).isEqualTo("Machine KubeadmConfig is outdated: diff: preKubeadmCommands");
    }

    @Test
    void kubeletLocalModeGateIsDesiredFrom131To135() {
        assertThat(KubeadmConfigComparison.compare(json(KCP), "v1.31.0", json(JOIN)).differences())
                .containsExactly("clusterConfiguration.featureGates");
        String withGate = JOIN.replace("'apiServer'", "'featureGates':{'ControlPlaneKubeletLocalMode':true},'apiServer'");
        assertThat(KubeadmConfigComparison.compare(json(KCP), "v1.31.0", json(withGate)).matches()).isTrue();
        assertThat(KubeadmConfigComparison.compare(json(KCP), "v1.36.0", json(JOIN)).matches()).isTrue();
        assertThat(KubeadmConfigComparison.needsKubeletLocalModeGate("v1.35.9-rc.1")).isTrue();
        assertThat(KubeadmConfigComparison.needsKubeletLocalModeGate("1.30.5")).isFalse();
    }
}
