package io.capj.apiserver.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionPriorityTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "v1beta1 v1 v1alpha1 v1beta2           | v1 v1beta2 v1beta1 v1alpha1",
            "v1 v2 v10                             | v10 v2 v1",
            "v11alpha2 foo10 v10beta3 foo1 v12alpha1 v3beta1 v2 v11beta2 v10 v1 | v10 v2 v1 v11beta2 v10beta3 v3beta1 v12alpha1 v11alpha2 foo1 foo10",
    })
    void versionsInPreferenceOrder(String given, String expected) {
        List<String> versions = new ArrayList<>(Arrays.asList(given.split(" ")));
        versions.sort(VersionPriority.VERSIONS);
        assertThat(String.join(" ", versions)).isEqualTo(expected);
    }

    @Test
    void builtinGroupsBeforeCustomGroupsThenByName() {
        List<String> groups = new ArrayList<>(List.of("infrastructure.cluster.x-k8s.io", "coordination.k8s.io",
                "cluster.x-k8s.io", "apps", "apiextensions.k8s.io", "bootstrap.cluster.x-k8s.io"));
        groups.sort(VersionPriority.GROUPS);
        assertThat(groups).containsExactly("apps", "apiextensions.k8s.io", "coordination.k8s.io",
                "bootstrap.cluster.x-k8s.io", "cluster.x-k8s.io", "infrastructure.cluster.x-k8s.io");
    }
}
