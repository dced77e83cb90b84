package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pure parts of the KubeadmControlPlane webhook that the server tests cannot reach: upstream's
 * {@code TestPathsMatch}, {@code TestAllowed}, {@code TestPaths} and the {@code TestValidateVersion} rows
 * with versions the schema would refuse.
 */
class KubeadmControlPlaneRulesTest {

    static Stream<Arguments> pathMatches() {
        return Stream.of(
                Arguments.of("a simple match case", List.of("a", "b", "c"), List.of("a", "b", "c"), true),
                Arguments.of("a case can't match", List.of("a", "b", "c"), List.of("a"), false),
                Arguments.of("an empty path for whatever reason", List.of("a"), List.of(""), false),
                Arguments.of("empty allowed matches nothing", List.of(), List.of("a"), false),
                Arguments.of("wildcard match", List.of("a", "b", "c", "d", "*"),
                        List.of("a", "b", "c", "d", "e", "f", "g"), true),
                Arguments.of("long path", List.of("a"), List.of("a", "b", "c", "d", "e", "f", "g"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathMatches")
    void pathsMatchAsUpstream(String name, List<String> pattern, List<String> path, boolean match) {
        assertThat(MutableFields.matches(pattern, path)).isEqualTo(match);
    }

    static Stream<Arguments> allowLists() {
        return Stream.of(
                Arguments.of("matches the first and none of the others",
                        List.of(List.of("a", "b", "c"), List.of("b", "d", "x")), List.of("a", "b", "c"), true),
                Arguments.of("matches none in the allow list",
                        List.of(List.of("a", "b", "c"), List.of("b", "c", "d"), List.of("e", "*")), List.of("a"), false),
                Arguments.of("an empty path matches nothing",
                        List.of(List.of("a", "b", "c"), List.of("*"), List.of("b", "c")), List.of(), false),
                Arguments.of("empty allowList matches nothing", List.of(), List.of("a"), false),
                Arguments.of("length test check", List.of(List.of("a", "b", "c", "d", "e", "f"),
                        List.of("a", "b", "c", "d", "e", "f", "g", "h")), List.of("a", "b", "c", "d", "e", "f", "g"),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowLists")
    void allowListAsUpstream(String name, List<List<String>> allowList, List<String> path, boolean match) {
        assertThat(MutableFields.allowed(allowList, path)).isEqualTo(match);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "basic check | {\"spec\":{\"replicas\":3,\"kubeadmConfigSpec\":{\"joinConfiguration\":{}}}} "
                    + "| {\"spec\":{\"replicas\":4,\"version\":\"1.17.3\",\"kubeadmConfigSpec\":{\"clusterConfiguration\":"
                    + "{\"version\":\"v2.0.1\"},\"initConfiguration\":{\"bootstrapToken\":[\"abcd\",\"defg\"]}}}} "
                    + "| spec.replicas;spec.version;spec.kubeadmConfigSpec.clusterConfiguration.version;"
                    + "spec.kubeadmConfigSpec.initConfiguration.bootstrapToken;spec.kubeadmConfigSpec.joinConfiguration",
            "empty input makes for empty output | {\"a\":1} | {\"a\":1} | ''",
            "long recursive check with two keys | {} "
                    + "| {\"spec\":{\"kubeadmConfigSpec\":{\"clusterConfiguration\":{\"version\":\"v2.0.1\",\"abc\":\"d\"}}}} "
                    + "| spec.kubeadmConfigSpec.clusterConfiguration.version;spec.kubeadmConfigSpec.clusterConfiguration.abc"})
    void changedPathsAreTheMergePatchLeaves(String name, String old, String object, String expected) {
        List<String> paths = MutableFields.changedPaths(Json.parse(old), Json.parse(object)).stream()
                .map(path -> String.join(".", path)).toList();

        assertThat(paths).containsExactlyInAnyOrder(expected.isEmpty() ? new String[0] : expected.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "error when old version is empty | '' | v1.16.6 | INTERNAL",
            "error when old version is invalid | invalid-version | v1.18.1 | INTERNAL",
            "error when new version is empty | v1.16.6 | '' | INTERNAL",
            "error when new version is invalid | v1.18.1 | invalid-version | INTERNAL",
            "pass when both versions are v1.19.0 | v1.19.0 | v1.19.0 | ''",
            "error when upgrading two minor versions | v1.18.8 | v1.20.0-alpha.0.734+ba502ee555924a | FORBIDDEN",
            "pass when upgrading one minor version | v1.20.1 | v1.21.18 | ''"})
    void versionUpgradesAsUpstream(String name, String from, String to, String error) {
        List<FieldError> errs = VersionUpgrades.validate(from, to);

        assertThat(errs).extracting(FieldError::type).containsExactly(error.isEmpty() ? new FieldError.Type[0]
                : new FieldError.Type[] {FieldError.Type.valueOf(error)});
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.6.5 | 1.6.6 | ''",
            "1.6.5 | 1.14.2 | ''",
            "1.6.6 | 1.6.5 | cannot migrate up to '1.6.5' from '1.6.6'",
            "1.6.6 | 99.99.99 | cannot migrate up to '99.99.99' from '1.6.6'",
            "1.0.0 | 1.6.6 | start version '1.0.0' not supported"})
    void coreDnsMigrationsFollowTheReleaseChain(String from, String to, String problem) {
        assertThat(CoreDnsMigrations.upMigrationProblem(from, to)).isEqualTo(problem.isEmpty() ? null : problem);
    }
}
