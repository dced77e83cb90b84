package io.capj.core.machinehealthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure rules of a health check, as tables: how one target is judged at an instant ({@link TargetHealth})
 * and whether remediation may start ({@link RemediationTrigger}), following upstream's
 * {@code machinehealthcheck_targets_test.go} and {@code isAllowedRemediation} cases.
 */
class HealthCheckRulesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final String CHECKS = """
            nodeStartupTimeoutSeconds: 600
            unhealthyNodeConditions: [{type: Ready, status: Unknown, timeoutSeconds: 300},
                                      {type: Ready, status: "False", timeoutSeconds: 300}]
            unhealthyMachineConditions: [{type: EtcdPodHealthy, status: "False", timeoutSeconds: 60}]
            """;
    private static final String READY_CLUSTER = """
            status:
              initialization: {infrastructureProvisioned: true, controlPlaneInitialized: true}
              conditions:
              - {type: InfrastructureReady, status: "True", lastTransitionTime: "2026-01-01T10:00:00Z"}
              - {type: ControlPlaneInitialized, status: "True", lastTransitionTime: "2026-01-01T10:00:00Z"}
            """;

    /** Columns: case, machine overlay, node ("-" none, "missing" gone), expected kind, reason, recheck seconds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            healthy Node                              | {}                                            | Ready=True@11:00           | HEALTHY   |                        | 0
            Ready Unknown for longer than the timeout | {}                                            | Ready=Unknown@11:50        | UNHEALTHY | UnhealthyNode          | 0
            Ready False within the timeout            | {}                                            | Ready=False@11:58          | UNDECIDED |                        | 181
            Node deleted                              | {}                                            | missing                    | UNHEALTHY | NodeDeleted            | 0
            no Node yet, inside the startup timeout   | {metadata: {creationTimestamp: '2026-01-01T11:55:00Z'}} | -                | UNDECIDED |                        | 301
            no Node after the startup timeout         | {metadata: {creationTimestamp: '2026-01-01T11:40:00Z'}} | -                | UNHEALTHY | NodeStartupTimeout     | 0
            machine condition past its timeout        | {status: {conditions: [{type: EtcdPodHealthy, status: 'False', reason: X, lastTransitionTime: '2026-01-01T11:58:00Z'}]}} | Ready=True@11:00 | UNHEALTHY | UnhealthyMachine | 0
            machine condition within its timeout      | {status: {conditions: [{type: EtcdPodHealthy, status: 'False', reason: X, lastTransitionTime: '2026-01-01T11:59:30Z'}]}} | Ready=True@11:00 | UNDECIDED | | 31
            remediate-machine annotation              | {metadata: {annotations: {cluster.x-k8s.io/remediate-machine: ''}}} | Ready=True@11:00 | UNHEALTHY | HasRemediateAnnotation | 0
            """)
    void judgesOneTarget(String description, String machineOverlay, String node, Verdict.Kind kind, String reason,
            long recheckSeconds) {
        HealthCheckTarget target = target(machineOverlay, node);
        Verdict verdict = TargetHealth.settle(new TargetHealth(yaml(READY_CLUSTER), yaml(CHECKS), NOW).judge(target),
                target);

        assertThat(verdict.kind()).isEqualTo(kind);
        assertThat(verdict.reason()).isEqualTo(reason == null ? "" : reason);
        assertThat(verdict.recheckAfter()).isEqualTo(Duration.ofSeconds(recheckSeconds));
    }

    @Test
    void nodeStartupTimeoutCountsFromTheLatestMilestone() {
        ObjectNode cluster = yaml(READY_CLUSTER);
        ((ObjectNode) cluster.at("/status/conditions/1")).put("lastTransitionTime", "2026-01-01T11:59:00Z");
        HealthCheckTarget target = target("{metadata: {creationTimestamp: '2026-01-01T10:00:00Z'}}", "-");

        Verdict verdict = new TargetHealth(cluster, yaml(CHECKS), NOW).judge(target);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.UNDECIDED);
        assertThat(verdict.recheckAfter()).isEqualTo(Duration.ofSeconds(600 - 60 + 1));
    }

    @Test
    void workersAreNotJudgedBeforeTheControlPlaneIsInitialized() {
        ObjectNode cluster = yaml("status: {initialization: {infrastructureProvisioned: true}}");
        HealthCheckTarget worker = target("{metadata: {creationTimestamp: '2026-01-01T10:00:00Z'}}", "-");
        HealthCheckTarget controlPlane = target("{metadata: {creationTimestamp: '2026-01-01T10:00:00Z', "
                + "labels: {cluster.x-k8s.io/control-plane: ''}}}", "-");

        TargetHealth health = new TargetHealth(cluster, yaml(CHECKS), NOW);

        assertThat(health.judge(worker)).isEqualTo(Verdict.undecided(Duration.ZERO));
        assertThat(health.judge(controlPlane).reason()).isEqualTo("NodeStartupTimeout");
    }

    @Test
    void allFindingsGoIntoOneMessage() {
        HealthCheckTarget target = target("{status: {conditions: [{type: EtcdPodHealthy, status: 'False', reason: "
                + "EtcdDown, lastTransitionTime: '2026-01-01T11:00:00Z'}]}}", "Ready=False@11:00");

        Verdict verdict = new TargetHealth(yaml(READY_CLUSTER), yaml(CHECKS), NOW).judge(target);

        assertThat(verdict.message()).isEqualTo("Health check failed:\n"
                + "  * Condition EtcdPodHealthy on Machine is reporting status False with reason EtcdDown for more than 1m0s\n"
                + "  * Condition Ready on Node is reporting status False with reason KubeletNotReady for more than 5m0s");
    }

    /** Columns: triggerIf, expected, healthy, allowed, remediations allowed. */
    @ParameterizedTest(name = "{0} with {2} of {1} healthy")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                     | 5 | 0 | true  | 0
            {unhealthyLessThanOrEqualTo: '40%'}    | 5 | 2 | false | 0
            {unhealthyLessThanOrEqualTo: '40%'}    | 5 | 3 | true  | 0
            {unhealthyLessThanOrEqualTo: '40%'}    | 5 | 5 | true  | 2
            {unhealthyLessThanOrEqualTo: 2}        | 5 | 4 | true  | 1
            {unhealthyLessThanOrEqualTo: 2}        | 5 | 2 | false | 0
            {unhealthyInRange: '[2-3]'}            | 5 | 4 | false | 0
            {unhealthyInRange: '[2-3]'}            | 5 | 3 | true  | 1
            {unhealthyInRange: '[2-3]', unhealthyLessThanOrEqualTo: 0} | 5 | 2 | true | 0
            """)
    void triggerIfGatesRemediation(String triggerIf, int expected, int healthy, boolean allowed, int remaining) {
        RemediationTrigger trigger = RemediationTrigger.decide(yaml(triggerIf), expected, healthy);

        assertThat(trigger.allowed()).isEqualTo(allowed);
        assertThat(trigger.remediationsAllowed()).isEqualTo(remaining);
        assertThat(trigger.message()).isEqualTo(allowed ? "" : trigger.message());
    }

    @Test
    void restrictionMessagesAreUpstreams() {
        assertThat(RemediationTrigger.decide(yaml("{unhealthyLessThanOrEqualTo: '40%'}"), 5, 2).message())
                .isEqualTo("Remediation is not allowed, the number of not started or unhealthy machines exceeds "
                        + "maxUnhealthy (total: 5, unhealthy: 3, maxUnhealthy: 40%)");
        assertThat(RemediationTrigger.decide(yaml("{unhealthyInRange: '[1-2]'}"), 5, 2).message())
                .isEqualTo("Remediation is not allowed, the number of not started or unhealthy machines does not "
                        + "fall within the range (total: 5, unhealthy: 3, unhealthyRange: [1-2])");
        assertThatThrownBy(() -> RemediationTrigger.decide(yaml("{unhealthyInRange: '[3-1]'}"), 5, 2))
                .hasMessageContaining("cannot be less than min value");
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "10,10s", "60,1m0s", "300,5m0s", "3661,1h1m1s"})
    void durationsReadAsGoPrintsThem(long seconds, String text) {
        assertThat(GoDuration.format(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    /** A worker Machine with a Node reference (unless {@code node} is "-"), bent by the YAML overlay. */
    private static HealthCheckTarget target(String machineOverlay, String node) {
        ObjectNode machine = yaml("""
                metadata: {name: m1, namespace: ns, creationTimestamp: '2026-01-01T09:00:00Z'}
                spec: {clusterName: c1}
                """);
        merge(machine, yaml(machineOverlay));
        if (node.equals("-")) {
            return new HealthCheckTarget(machine, null, false, null);
        }
        machine.withObject("/status").putObject("nodeRef").put("name", "n1");
        if (node.equals("missing")) {
            return new HealthCheckTarget(machine, null, true, null);
        }
        String[] typeAndRest = node.split("=");
        String[] statusAndTime = typeAndRest[1].split("@");
        ObjectNode nodeTree = Json.object();
        nodeTree.putObject("metadata").put("name", "n1");
        nodeTree.putObject("status").putArray("conditions").addObject().put("type", typeAndRest[0])
                .put("status", statusAndTime[0]).put("reason", "KubeletNotReady")
                .put("lastTransitionTime", "2026-01-01T" + statusAndTime[1] + ":00Z");
        return new HealthCheckTarget(machine, nodeTree, false, null);
    }

    private static ObjectNode yaml(String text) {
        try {
            JsonNode node = Json.YAML.readTree(text);
            return node instanceof ObjectNode o ? o : Json.object();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(e -> {
            if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, (ObjectNode) e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }
}
