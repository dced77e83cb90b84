package io.capj.api.core.v1beta2.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure rule functions behind the webhooks, by table; the served behaviour is in WebhookAdmissionTest. */
class WebhookRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1.17.2, true", "1.17.2-rc.1, true", "1.17.2+build.5, true", "1.17.2-alpha.0+exp.sha.5114f85, true",
            "1.17, false", "1, false", "1.17.2++, false", "01.17.2, false", "1.17.2-01, false", "1.17.2-, false",
            "wrong_version, false", "'', false"})
    void strictSemver(String version, boolean valid) {
        assertThat(SemanticVersions.isStrictSemver(version)).isEqualTo(valid);
    }

    @Test
    void versionNeedsLeadingVAndSemver() {
        assertThat(SemanticVersions.validate("spec.version", "1.17.2", "m")).extracting(FieldError::toString)
                .containsExactly("spec.version: Invalid value: \"1.17.2\": must start with v");
        assertThat(SemanticVersions.validate("spec.version", "v1.17", "m")).extracting(FieldError::toString)
                .containsExactly("spec.version: Invalid value: \"v1.17\": m");
        assertThat(SemanticVersions.validate("spec.version", "v1.17.2", "m")).isEmpty();
        assertThat(SemanticVersions.withLeadingV("1.2.3")).isEqualTo("v1.2.3");
        assertThat(SemanticVersions.withLeadingV("")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | ",
            "0 | ",
            "'\"25%\"' | ",
            "'\"0%\"' | ",
            "'\"1\"' | invalid value for IntOrString: invalid type: string is not a percentage",
            "'\"a%\"' | 'invalid value for IntOrString: invalid value \"a%\": strconv.Atoi: parsing \"a\": invalid syntax'",
            "true | invalid value for IntOrString: invalid type: neither int nor percentage"})
    void intOrPercent(String json, String error) {
        assertThat(IntOrPercent.parseError(Json.parse(json))).isEqualTo(error);
    }

    @Test
    void rolloutBounds() {
        JsonNode zero = Json.parse("0");
        assertThat(RolloutRules.validateStrategy("spec.rollout.strategy", zero, zero)).extracting(FieldError::toString)
                .containsExactly("spec.rollout.strategy.rollingUpdate: Invalid value: \"0\": "
                        + "maxUnavailable and maxSurge cannot both be 0");
        // "0%" is not the integer 0, as upstream only compares int-typed values.
        assertThat(RolloutRules.validateStrategy("s", Json.parse("\"0%\""), zero)).isEmpty();
        assertThat(RolloutRules.validateStrategy("s", Json.object().path("x"), Json.object().path("y"))).isEmpty();
        assertThat(RolloutRules.validateStrategy("s", zero, Json.parse("\"1\""))).extracting(FieldError::field)
                .containsExactly("s.rollingUpdate.maxSurge");
        assertThat(RolloutRules.validateMaxInFlight("spec.remediation", Json.parse("\"x\"")))
                .extracting(FieldError::field).containsExactly("spec.remediation.maxInFlight");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.0.0/8, true", "192.168.0.0/16, true", "0.0.0.0/0, true", "fd00:100:64::/108, true",
            "2004::1234:abcd:ffff:c0a8:101/64, true", "::/0, true",
            "10.0.0.0, false", "10.0.0.0/33, false", "10.0.0/8, false", "10.0.0.256/8, false", "010.0.0.0/8, false",
            "fd00::/129, false", "foo, false", "foo/8, false", "localhost/8, false", "10.0.0.0/8/8, false"})
    void cidrs(String cidr, boolean valid) {
        assertThat(CidrBlocks.isCidr(cidr)).isEqualTo(valid);
    }

    /** Upstream's calculateMachine{Set,Deployment}Replicas cases. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "replicas set, keep that value            | 5 |   |   |   | 5",
            "no replicas and no annotations, use 1    |   |   |   |   | 1",
            "only min size annotation, fallback to 1  |   | 3 |   |   | 1",
            "only max size annotation, fallback to 1  |   |   | 7 |   | 1",
            "min and max, new object, use min size    |   | 3 | 7 |   | 3",
            "min and max, old replicas below min      |   | 3 | 7 | 1 | 3",
            "min and max, old replicas above max      |   | 3 | 7 | 9 | 7",
            "min and max, old replicas in range       |   | 3 | 7 | 4 | 4",
            "min size invalid, fail                   |   | x | 7 |   | ",
            "max size invalid, fail                   |   | 3 | x |   | "})
    void autoscalerReplicas(String name, Integer replicas, String min, String max, Integer oldReplicas,
                            Integer expected) {
        ObjectNode object = Json.object();
        ObjectNode annotations = object.putObject("metadata").putObject("annotations");
        if (min != null) {
            annotations.put(AutoscalerReplicasKeys.MIN, min);
        }
        if (max != null) {
            annotations.put(AutoscalerReplicasKeys.MAX, max);
        }
        if (replicas != null) {
            object.putObject("spec").put("replicas", replicas);
        }
        ObjectNode old = null;
        if (oldReplicas != null) {
            old = Json.object();
            old.putObject("spec").put("replicas", oldReplicas);
        }
        assertThat(AutoscalerReplicas.defaultReplicas(object, old)).isEqualTo(expected);
        assertThat(AutoscalerReplicas.annotationErrors(object, "MachineSet")).hasSize(expected == null ? 1 : 0);
    }

    private static final class AutoscalerReplicasKeys {
        static final String MIN = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
        static final String MAX = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    }

    @Test
    void labelValuesHashLikeUpstream() {
        assertThat(LabelValues.mustFormat("machineSetName")).isEqualTo("machineSetName");
        assertThat(LabelValues.mustFormat("machineSetName".repeat(12))).isEqualTo("hash_FR_ghQ_z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "node.cluster.x-k8s.io/uninitialized      | taint key is not allowed",
            "node.cluster.x-k8s.io/outdated-revision  | taint key is not allowed",
            "node.kubernetes.io/not-ready             | taint key must not have the prefix node.kubernetes.io/, except for node.kubernetes.io/out-of-service",
            "node.kubernetes.io/out-of-service        | ",
            "node.cloudprovider.kubernetes.io/foo     | taint key must not have the prefix node.cloudprovider.kubernetes.io/",
            "node-role.kubernetes.io/master           | taint is deprecated since 1.24 and should not be used anymore",
            "example.com/gpu                          | "})
    void reservedTaintKeys(String key, String reason) {
        assertThat(MachineTaintRules.reservedKeyReason(key)).isEqualTo(reason);
    }

    @Test
    void controlPlaneTaintOnlyForControlPlaneMachines() {
        JsonNode taints = Json.parse("[{\"key\":\"node-role.kubernetes.io/control-plane\"}]");
        assertThat(MachineTaintRules.validateForWorkers(taints, false, "spec.taints")).extracting(FieldError::toString)
                .containsExactly("spec.taints[0].key: Invalid value: \"node-role.kubernetes.io/control-plane\": "
                        + "taint is not allowed for worker Machines");
        assertThat(MachineTaintRules.validateForWorkers(taints, true, "spec.taints")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'{{ .machineSet.name }}-{{ .random }}'                |  ",
            "'{{ .cluster.name }}-{{ .machineSet.name }}-{{ .random }}' |  ",
            "''                                                    |  ",
            "'{{ .machineSet.name }}'                              | invalid template, {{ .random }} is missing",
            "'{{ .machineSet.name }}-{{ .random }}-'               | invalid template, generated names would not be valid Kubernetes object names",
            "'{{ .nope }}-{{ .random }}'                           | invalid template: rendering template",
            "'{{ .random }}-{{ .machineSet.name'                   | invalid template: parsing template"})
    void machineNaming(String template, String error) {
        List<FieldError> errs = MachineNamingRules.validate(template, "spec.machineNaming.template");
        if (error == null) {
            assertThat(errs).isEmpty();
        } else {
            assertThat(errs).extracting(FieldError::detail).anyMatch(d -> d.startsWith(error));
        }
    }

    @Test
    void longRenderedNamesAreCutLikeUpstream() {
        String rendered = MachineNamingRules.render("{{ .machineSet.name }}-{{ .random }}",
                java.util.Map.of(".machineSet.name", "m".repeat(70), ".random", "abcde"));
        assertThat(rendered).hasSize(63).endsWith("xxxxx");
    }

    @Test
    void templateMetadata() {
        JsonNode metadata = Json.parse("{\"labels\":{\"foo\":\"$bad\",\"/k\":\"v\"},\"annotations\":{\"/k\":\"v\"}}");
        assertThat(MetadataRules.validate("spec.template.metadata", metadata)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("spec.template.metadata.labels", "spec.template.metadata.labels",
                        "spec.template.metadata.annotations");
        ObjectNode big = Json.object();
        big.putObject("annotations").put("k", "x".repeat(256 * 1024));
        assertThat(MetadataRules.validate("m", big)).extracting(FieldError::toString)
                .containsExactly("m.annotations: Too long: may not be more than 262144 bytes");
    }

    @Test
    void selectorMustMatchTemplateLabels() {
        JsonNode selector = Json.parse("{\"matchLabels\":{\"foo\":\"bar\"}}");
        assertThat(MachineTemplateRules.selectorMatchesTemplate(selector, Json.parse("{\"foo\":\"bar\",\"x\":\"y\"}"),
                MachineTemplateRules.MismatchReport.INVALID)).isEmpty();
        assertThat(MachineTemplateRules.selectorMatchesTemplate(selector, Json.parse("{\"foo\":\"baz\"}"),
                MachineTemplateRules.MismatchReport.FORBIDDEN)).extracting(FieldError::toString)
                .containsExactly("spec.template.metadata.labels: Forbidden: must match spec.selector \"foo=bar\"");
        JsonNode expressions = Json.parse("{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Exists\"}]}");
        assertThat(MachineTemplateRules.selectorMatchesTemplate(expressions, Json.parse("{\"a\":\"1\"}"),
                MachineTemplateRules.MismatchReport.INVALID)).isEmpty();
    }

    @Test
    void topologyVersionCore() {
        assertThat(TopologyRules.coreVersion("v1.19.1-rc.0+b")).containsExactly(1, 19, 1);
        assertThat(TopologyRules.coreVersion("v1.19")).isNull();
        JsonNode old = Json.parse("{\"spec\":{\"topology\":{\"classRef\":{\"name\":\"c\"},\"version\":\"v1.19.1\"}}}");
        JsonNode upgrade = Json.parse("{\"spec\":{\"topology\":{\"classRef\":{\"name\":\"c\"},\"version\":\"v1.20.0\"}}}");
        JsonNode patchDown = Json.parse("{\"spec\":{\"topology\":{\"classRef\":{\"name\":\"c\"},\"version\":\"v1.19.0\"}}}");
        assertThat(TopologyRules.validate(upgrade, old)).isEmpty();
        assertThat(TopologyRules.validate(patchDown, old)).extracting(FieldError::detail)
                .containsExactly("version cannot be decreased from \"1.19.1\" to \"1.19.0\"");
    }
}
