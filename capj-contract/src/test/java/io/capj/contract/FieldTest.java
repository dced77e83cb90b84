package io.capj.contract;

import static io.capj.contract.Trees.obj;
import static io.capj.contract.Trees.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldTest {
    private final Field<Boolean> provisioned = InfraMachineContract.forContract("v1beta2").provisioned();

    @Test
    void setCreatesMissingParentsAndKeepsSiblings() {
        ObjectNode machine = provider("DevMachine", "m-1", "'status':{'addresses':[]}");

        provisioned.set(machine, true);

        assertThat(machine.get("status")).isEqualTo(obj("{'addresses':[],'initialization':{'provisioned':true}}"));
    }

    @Test
    void setRefusesToReplaceANonObjectParent() {
        ObjectNode machine = provider("DevMachine", "m-1", "'status':{'initialization':'done'}");

        assertThatThrownBy(() -> provisioned.set(machine, true)).isInstanceOf(ContractException.class)
                .hasMessage("failed to set status.initialization.provisioned of DevMachine default/m-1: "
                        + "initialization is not an object");
    }

    @Test
    void removeDropsOnlyTheLeaf() {
        ObjectNode machine = provider("DevMachine", "m-1", "'status':{'initialization':{'provisioned':true}}");

        provisioned.remove(machine);
        provisioned.remove(provider("DevMachine", "m-2", ""));

        assertThat(machine.get("status")).isEqualTo(obj("{'initialization':{}}"));
        assertThat(provisioned.get(machine)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'kind':'DevMachine','metadata':{'namespace':'ns','name':'m'},'spec':{'providerID':1}}|DevMachine ns/m",
        "{'kind':'DevCluster','metadata':{'name':'c'},'spec':{'providerID':1}}|DevCluster c",
        "{'spec':{'providerID':1}}|object",
    })
    void errorsNameTheObject(String json, String described) {
        Field<String> providerID = InfraMachineContract.forContract("v1beta2").providerID();
        assertThatThrownBy(() -> providerID.get(obj(json))).isInstanceOf(ContractException.class)
                .hasMessage("failed to read spec.providerID of " + described + ": expected string");
    }
}
