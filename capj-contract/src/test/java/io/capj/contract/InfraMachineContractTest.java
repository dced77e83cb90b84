package io.capj.contract;

import static io.capj.contract.Trees.provider;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InfraMachineContractTest {
    private static final String B1 = "v1beta1";
    private static final String B2 = "v1beta2";

    private static AccessorCase<InfraMachineContract> row(String contract, String path, String object,
            Function<InfraMachineContract, Field<?>> accessor, Object expected) {
        return new AccessorCase<>(contract, path, object, accessor, expected);
    }

    static Stream<Arguments> accessors() {
        String addresses = "'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.1'},"
                + "{'type':'Hostname','address':'m-1'}]}";
        List<MachineAddress> expectedAddresses =
                List.of(new MachineAddress("InternalIP", "10.0.0.1"), new MachineAddress("Hostname", "m-1"));
        return Stream.of(
                row(B2, "spec.providerID", "'spec':{'providerID':'dev://m-1'}",
                        InfraMachineContract::providerID, "dev://m-1").row("providerID v1beta2"),
                row(B1, "spec.providerID", "'spec':{'providerID':'dev://m-1'}",
                        InfraMachineContract::providerID, "dev://m-1").row("providerID v1beta1"),
                row(B2, "spec.providerID", "'spec':{}", InfraMachineContract::providerID, null)
                        .row("providerID absent"),
                row(B2, "spec.providerID", "'spec':{'providerID':null}", InfraMachineContract::providerID, null)
                        .row("providerID null"),
                row(B2, "status.failureDomain", "'spec':{'failureDomain':'old'},'status':{'failureDomain':'fd-1'}",
                        InfraMachineContract::failureDomain, "fd-1").row("failureDomain v1beta2"),
                row(B1, "status.failureDomain", "'spec':{'failureDomain':'old'},'status':{'failureDomain':'fd-1'}",
                        InfraMachineContract::failureDomain, "fd-1").row("failureDomain v1beta1"),
                row(B1, "spec.failureDomain", "'spec':{'failureDomain':'fd-1'}",
                        InfraMachineContract::deprecatedFailureDomain, "fd-1").row("deprecated failureDomain v1beta1"),
                row(B2, "spec.failureDomain", "'spec':{'failureDomain':'fd-1'}",
                        InfraMachineContract::deprecatedFailureDomain, "fd-1").row("deprecated failureDomain v1beta2"),
                row(B2, "status.failureDomain", "'spec':{'failureDomain':'fd-1'}",
                        InfraMachineContract::failureDomain, null).row("status failureDomain absent"),
                row(B1, "status.failureReason", "'status':{'failureReason':'CreateError'}",
                        InfraMachineContract::failureReason, "CreateError").row("failureReason"),
                row(B1, "status.failureMessage", "'status':{'failureMessage':'boom'}",
                        InfraMachineContract::failureMessage, "boom").row("failureMessage"),
                row(B2, "status.initialization.provisioned", "'status':{'initialization':{'provisioned':false}}",
                        InfraMachineContract::provisioned, false).row("provisioned false v1beta2"),
                row(B1, "status.ready", "'status':{'ready':true}",
                        InfraMachineContract::provisioned, true).row("ready v1beta1"),
                row(B2, "status.addresses", addresses, InfraMachineContract::addresses, expectedAddresses)
                        .row("addresses v1beta2"),
                row(B1, "status.addresses", addresses, InfraMachineContract::addresses, expectedAddresses)
                        .row("addresses v1beta1"),
                row(B2, "status.interruptible", "'status':{'interruptible':true}",
                        InfraMachineContract::interruptible, true).row("interruptible"),
                row(B2, "status.conditions", "'status':{'conditions':[{'type':'Ready','status':'Unknown'}]}",
                        InfraMachineContract::conditions,
                        List.of(new Condition("Ready", "Unknown", null, null, null, null))).row("conditions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void readsAndWritesTheContractPath(String name, AccessorCase<InfraMachineContract> row) {
        row.verify(InfraMachineContract::forContract, "DevMachine");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(B2, "'spec':{'providerID':42}", (Function<InfraMachineContract, Field<?>>)
                        InfraMachineContract::providerID,
                        "failed to read spec.providerID of DevMachine default/p-1: expected string"),
                Arguments.of(B1, "'status':{'ready':'yes'}", (Function<InfraMachineContract, Field<?>>)
                        InfraMachineContract::provisioned,
                        "failed to read status.ready of DevMachine default/p-1: expected boolean"),
                Arguments.of(B2, "'status':{'addresses':{'type':'InternalIP'}}",
                        (Function<InfraMachineContract, Field<?>>) InfraMachineContract::addresses,
                        "failed to read status.addresses of DevMachine default/p-1: expected list of addresses"),
                Arguments.of(B2, "'status':{'addresses':[{'type':'InternalIP','address':10}]}",
                        (Function<InfraMachineContract, Field<?>>) InfraMachineContract::addresses,
                        "expected string at addresses[].address"),
                Arguments.of(B1, "'spec':{'failureDomain':['a']}", (Function<InfraMachineContract, Field<?>>)
                        InfraMachineContract::deprecatedFailureDomain,
                        "failed to read spec.failureDomain of DevMachine default/p-1: expected string"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongTypes")
    void namesObjectAndPathOnWrongType(String contract, String body,
            Function<InfraMachineContract, Field<?>> accessor, String message) {
        Field<?> field = accessor.apply(InfraMachineContract.forContract(contract));
        assertThatThrownBy(() -> field.get(provider("DevMachine", "p-1", body)))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(message);
    }
}
