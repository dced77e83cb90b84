package io.capj.contract;

import static io.capj.contract.Trees.obj;
import static io.capj.contract.Trees.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InfraClusterContractTest {
    private static final String B1 = "v1beta1";
    private static final String B2 = "v1beta2";

    private static AccessorCase<InfraClusterContract> row(String contract, String path, String object,
            java.util.function.Function<InfraClusterContract, Field<?>> accessor, Object expected) {
        return new AccessorCase<>(contract, path, object, accessor, expected);
    }

    static Stream<Arguments> accessors() {
        FailureDomain a = new FailureDomain("a", true, Map.of("zone", "z1"));
        FailureDomain b = new FailureDomain("b", false, Map.of());
        return Stream.of(
                row(B2, "spec.controlPlaneEndpoint", "'spec':{'controlPlaneEndpoint':{'host':'1.2.3.4','port':6443}}",
                        InfraClusterContract::controlPlaneEndpoint, new ApiEndpoint("1.2.3.4", 6443)).row("endpoint"),
                row(B1, "spec.controlPlaneEndpoint", "'spec':{'controlPlaneEndpoint':{'host':'h'}}",
                        InfraClusterContract::controlPlaneEndpoint, new ApiEndpoint("h", 0)).row("endpoint no port"),
                row(B2, "spec.controlPlaneEndpoint.host", "'spec':{'controlPlaneEndpoint':{'host':'h','port':1}}",
                        InfraClusterContract::controlPlaneHost, "h").row("host"),
                row(B2, "spec.controlPlaneEndpoint.port", "'spec':{'controlPlaneEndpoint':{'host':'h','port':443}}",
                        InfraClusterContract::controlPlanePort, 443L).row("port"),
                row(B2, "spec.controlPlaneEndpoint.port", "'spec':{}",
                        InfraClusterContract::controlPlanePort, null).row("port absent"),
                row(B2, "status.initialization.provisioned", "'status':{'initialization':{'provisioned':true}}",
                        InfraClusterContract::provisioned, true).row("provisioned v1beta2"),
                row(B2, "status.initialization.provisioned", "'status':{'ready':true}",
                        InfraClusterContract::provisioned, null).row("v1beta2 ignores status.ready"),
                row(B1, "status.ready", "'status':{'ready':true,'initialization':{'provisioned':false}}",
                        InfraClusterContract::provisioned, true).row("provisioned v1beta1"),
                row(B1, "status.ready", "", InfraClusterContract::provisioned, null).row("no status"),
                row(B1, "status.failureReason", "'status':{'failureReason':'InvalidConfiguration'}",
                        InfraClusterContract::failureReason, "InvalidConfiguration").row("failureReason"),
                row(B2, "status.failureMessage", "'status':{'failureMessage':'boom'}",
                        InfraClusterContract::failureMessage, "boom").row("failureMessage"),
                row(B2, "status.failureDomains",
                        "'status':{'failureDomains':[{'name':'b'},{'name':'a','controlPlane':true,"
                                + "'attributes':{'zone':'z1'}}]}",
                        InfraClusterContract::failureDomains, List.of(a, b)).row("failure domains list"),
                row(B1, "status.failureDomains",
                        "'status':{'failureDomains':{'b':{'controlPlane':false},'a':{'controlPlane':true,"
                                + "'attributes':{'zone':'z1'}}}}",
                        InfraClusterContract::failureDomains, List.of(a, b)).row("failure domains map"),
                row(B2, "status.conditions",
                        "'status':{'conditions':[{'type':'Ready','status':'True','reason':'Provisioned',"
                                + "'lastTransitionTime':'2026-01-01T00:00:00Z','observedGeneration':3}]}",
                        InfraClusterContract::conditions,
                        List.of(new Condition("Ready", "True", "Provisioned", null, "2026-01-01T00:00:00Z", 3L)))
                        .row("conditions v1beta2"),
                row(B1, "status.conditions",
                        "'status':{'conditions':[{'type':'Ready','status':'False','severity':'Warning',"
                                + "'reason':'Waiting','message':'m'}]}",
                        InfraClusterContract::conditions,
                        List.of(new Condition("Ready", "False", "Waiting", "m", null, null)))
                        .row("conditions v1beta1 ignore severity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void readsAndWritesTheContractPath(String name, AccessorCase<InfraClusterContract> row) {
        row.verify(InfraClusterContract::forContract, "DevCluster");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(B2, "'spec':{'controlPlaneEndpoint':'1.2.3.4:6443'}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>)
                                InfraClusterContract::controlPlaneEndpoint,
                        "failed to read spec.controlPlaneEndpoint of DevCluster default/p-1: expected object"),
                Arguments.of(B2, "'spec':{'controlPlaneEndpoint':{'host':'h','port':'6443'}}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>)
                                InfraClusterContract::controlPlanePort,
                        "failed to read spec.controlPlaneEndpoint.port of DevCluster default/p-1: expected integer"),
                Arguments.of(B2, "'status':{'initialization':{'provisioned':'true'}}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>) InfraClusterContract::provisioned,
                        "failed to read status.initialization.provisioned of DevCluster default/p-1: expected boolean"),
                // a v1beta1-shaped map read under the v1beta2 contract is a clear error, not an empty list
                Arguments.of(B2, "'status':{'failureDomains':{'a':{'controlPlane':true}}}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>)
                                InfraClusterContract::failureDomains,
                        "failed to read status.failureDomains of DevCluster default/p-1: expected list of failure"
                                + " domains"),
                Arguments.of(B1, "'status':{'failureDomains':[{'name':'a'}]}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>)
                                InfraClusterContract::failureDomains,
                        "failed to read status.failureDomains of DevCluster default/p-1: expected map of failure"
                                + " domains"),
                Arguments.of(B1, "'status':{'failureDomains':{'a':{'controlPlane':'yes'}}}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>)
                                InfraClusterContract::failureDomains,
                        "expected boolean at failure domain a.controlPlane"),
                Arguments.of(B2, "'status':{'conditions':[{'status':'True'}]}",
                        (java.util.function.Function<InfraClusterContract, Field<?>>) InfraClusterContract::conditions,
                        "failed to read status.conditions of DevCluster default/p-1: expected type in every condition"),
                Arguments.of(B1, "'status':'ready'",
                        (java.util.function.Function<InfraClusterContract, Field<?>>) InfraClusterContract::provisioned,
                        "failed to read status.ready of DevCluster default/p-1: expected object at status"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongTypes")
    void namesObjectAndPathOnWrongType(String contract, String body,
            java.util.function.Function<InfraClusterContract, Field<?>> accessor, String message) {
        Field<?> field = accessor.apply(InfraClusterContract.forContract(contract));
        assertThatThrownBy(() -> field.get(provider("DevCluster", "p-1", body)))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(message);
    }

    @Test
    void writesFailureDomainsInTheContractsShape() {
        List<FailureDomain> domains = List.of(new FailureDomain("b", false, Map.of()),
                new FailureDomain("a", true, Map.of("zone", "z1")));
        ObjectNode v1beta2 = provider("DevCluster", "c", "");
        ObjectNode v1beta1 = provider("DevCluster", "c", "");

        InfraClusterContract.forContract(B2).failureDomains().set(v1beta2, domains);
        InfraClusterContract.forContract(B1).failureDomains().set(v1beta1, domains);

        assertThat(v1beta2.at("/status/failureDomains")).isEqualTo(obj(
                "{'x':[{'name':'a','controlPlane':true,'attributes':{'zone':'z1'}},{'name':'b','controlPlane':false}]}")
                .get("x"));
        assertThat(v1beta1.at("/status/failureDomains")).isEqualTo(obj(
                "{'a':{'controlPlane':true,'attributes':{'zone':'z1'}},'b':{'controlPlane':false}}"));
    }

    @Test
    void findsTheReadyCondition() {
        ObjectNode cluster = provider("DevCluster", "c",
                "'status':{'conditions':[{'type':'Paused','status':'False'},{'type':'Ready','status':'True'}]}");
        List<Condition> conditions = InfraClusterContract.forContract(B2).conditions().require(cluster);

        assertThat(Condition.find(conditions, InfraClusterContract.READY_CONDITION)).hasValueSatisfying(
                c -> assertThat(c.isTrue()).isTrue());
        assertThat(Condition.find(conditions, "Missing")).isEmpty();
    }
}
