package io.capj.contract;

import static io.capj.contract.Trees.provider;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BootstrapConfigContractTest {
    private static final String B1 = "v1beta1";
    private static final String B2 = "v1beta2";

    private static AccessorCase<BootstrapConfigContract> row(String contract, String path, String object,
            Function<BootstrapConfigContract, Field<?>> accessor, Object expected) {
        return new AccessorCase<>(contract, path, object, accessor, expected);
    }

    static Stream<Arguments> accessors() {
        return Stream.of(
                row(B2, "status.dataSecretName", "'status':{'dataSecretName':'m-1-bootstrap'}",
                        BootstrapConfigContract::dataSecretName, "m-1-bootstrap").row("secret v1beta2"),
                row(B1, "status.dataSecretName", "'status':{'dataSecretName':'m-1-bootstrap','ready':true}",
                        BootstrapConfigContract::dataSecretName, "m-1-bootstrap").row("secret v1beta1"),
                row(B2, "status.initialization.dataSecretCreated",
                        "'status':{'initialization':{'dataSecretCreated':true}}",
                        BootstrapConfigContract::dataSecretCreated, true).row("created v1beta2"),
                row(B2, "status.initialization.dataSecretCreated", "'status':{'ready':true}",
                        BootstrapConfigContract::dataSecretCreated, null).row("v1beta2 ignores ready"),
                row(B1, "status.ready", "'status':{'ready':true}",
                        BootstrapConfigContract::dataSecretCreated, true).row("created v1beta1"),
                row(B1, "status.ready", "'status':{}", BootstrapConfigContract::dataSecretCreated, null)
                        .row("not yet"),
                row(B1, "status.failureReason", "'status':{'failureReason':'x'}",
                        BootstrapConfigContract::failureReason, "x").row("failureReason"),
                row(B1, "status.failureMessage", "'status':{'failureMessage':'y'}",
                        BootstrapConfigContract::failureMessage, "y").row("failureMessage"),
                row(B2, "status.conditions", "'status':{'conditions':[]}", BootstrapConfigContract::conditions,
                        List.of()).row("no conditions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void readsAndWritesTheContractPath(String name, AccessorCase<BootstrapConfigContract> row) {
        row.verify(BootstrapConfigContract::forContract, "KubeadmConfig");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "v1beta2|'status':{'dataSecretName':['x']}|failed to read status.dataSecretName of KubeadmConfig default/p-1: expected string",
        "v1beta2|'status':{'initialization':true}|failed to read status.initialization.dataSecretCreated of KubeadmConfig default/p-1: expected object at status.initialization",
        "v1beta1|'status':{'ready':1}|failed to read status.ready of KubeadmConfig default/p-1: expected boolean",
    })
    void namesObjectAndPathOnWrongType(String contract, String body, String message) {
        BootstrapConfigContract c = BootstrapConfigContract.forContract(contract);
        Field<?> field = body.contains("dataSecretName") ? c.dataSecretName() : c.dataSecretCreated();
        assertThatThrownBy(() -> field.get(provider("KubeadmConfig", "p-1", body)))
                .isInstanceOf(ContractException.class)
                .hasMessage(message);
    }
}
