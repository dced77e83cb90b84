package io.capj.core.machineset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Machine names rendered from {@code spec.machineNaming.template}. */
class MachineNamingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                                              | ^ms-[bcdfghjklmnpqrstvwxz2456789]{5}$",
            "{{ .machineSet.name }}-{{ .random }}            | ^ms-[bcdfghjklmnpqrstvwxz2456789]{5}$",
            "{{ .cluster.name }}-workers-{{ .random }}       | ^c1-workers-[a-z0-9]{5}$",
            "x-{{ .random }}-{{ .machineSet.name }}          | ^x-[a-z0-9]{5}-ms$"})
    void rendersTheVariablesUpstreamOffers(String template, String pattern) {
        assertThat(MachineNaming.generate(template, "c1", "ms", new Random(1))).matches(pattern);
    }

    @Test
    void cutsLongNamesAndKeepsThemUnique() {
        String longSet = "s".repeat(70);
        String name = MachineNaming.generate("", "c1", longSet, new Random(7));
        assertThat(name).hasSize(MachineNaming.MAX_NAME_LENGTH).startsWith("s".repeat(58));
    }

    /** Upstream looks for the literal {@code {{ .random }}}, so the unspaced form is refused too. */
    @ParameterizedTest
    @CsvSource({"{{ .machineSet.name }}", "{{.random}}-x"})
    void refusesTemplatesWithoutRandom(String template) {
        assertThatThrownBy(() -> MachineNaming.generate(template, "c1", "ms", new Random(1)))
                .hasMessageContaining("{{ .random }} is missing");
    }
}
