package io.capj.contract;

import static io.capj.contract.Trees.obj;
import static io.capj.contract.Trees.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateContractTest {
    private static final String TEMPLATE = "'spec':{'template':{'metadata':{'labels':{'tier':'cp'}},"
            + "'spec':{'backend':{'inMemory':{'vm':{'provisioning':{'startupDuration':'10s'}}}}}}},"
            + "'status':{'capacity':{'cpu':'2','memory':'4Gi'}}";

    private static AccessorCase<TemplateContract> row(String contract, String path,
            Function<TemplateContract, Field<?>> accessor, Object expected) {
        return new AccessorCase<>(contract, path, TEMPLATE, accessor, expected);
    }

    static Stream<Arguments> accessors() {
        ObjectNode spec = obj("{'backend':{'inMemory':{'vm':{'provisioning':{'startupDuration':'10s'}}}}}");
        return Stream.of("v1beta1", "v1beta2").flatMap(c -> Stream.of(
                row(c, "spec.template.spec", TemplateContract::templateSpec, spec).row(c + " spec"),
                row(c, "spec.template.metadata", TemplateContract::templateMetadata, obj("{'labels':{'tier':'cp'}}"))
                        .row(c + " metadata"),
                row(c, "status.capacity", TemplateContract::capacity, Map.of("cpu", "2", "memory", "4Gi"))
                        .row(c + " capacity")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void readsAndWritesTheContractPath(String name, AccessorCase<TemplateContract> row) {
        row.verify(TemplateContract::forContract, "DevMachineTemplate");
    }

    @Test
    void handsOutCopiesSoCloningCannotEditTheTemplate() {
        ObjectNode template = provider("DevMachineTemplate", "t", TEMPLATE);
        ObjectNode clone = TemplateContract.forContract("v1beta2").templateSpec().require(template);

        clone.put("providerID", "dev://x");

        assertThat(template.at("/spec/template/spec/providerID").isMissingNode()).isTrue();
    }

    @Test
    void requireNamesTheMissingPath() {
        ObjectNode template = provider("DevMachineTemplate", "t", "'spec':{}");
        assertThatThrownBy(() -> TemplateContract.forContract("v1beta2").templateSpec().require(template))
                .isInstanceOf(ContractException.class)
                .hasMessage("failed to read spec.template.spec of DevMachineTemplate default/t: not set");
    }
}
