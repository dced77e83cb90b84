package io.capj.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.webhooks.CapiAdmissionHooks;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream Cluster API's webhook test cases for Cluster, Machine, MachineSet and MachineDeployment, ported as
 * rows and run through the real embedded API server with {@link CapiAdmissionHooks#all()}. Each row bends a
 * valid sample object with a YAML merge overlay (null deletes), creates it (or creates {@code old} and then
 * updates to it), and expects either success with some stored values, or 422 with a cause on a field whose
 * message contains upstream's text.
 *
 * <p>Upstream's unit tests call {@code validate} without defaulting. Through a server, defaulting runs first,
 * so upstream's "version without v" errors become rows asserting the defaulted {@code v} prefix.
 */
class WebhookAdmissionTest {
    private static final String CLUSTER = "Cluster";
    private static final String MACHINE = "Machine";
    private static final String MS = "MachineSet";
    private static final String MD = "MachineDeployment";
    private static final String MIN = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
    private static final String MAX = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    /** Both autoscaler size annotations (3..7) with replicas left to defaulting. */
    private static final String AUTOSCALED = "metadata: {annotations: {" + MIN + ": \"3\", " + MAX + ": \"7\"}}\n"
            + "spec: {replicas: null}";
    private static final String TOPOLOGY = """
            spec:
              topology:
                classRef: {name: quick-start}
                version: v1.19.1
                workers:
                  machineDeployments:
                  - {class: default-worker, name: md-0}
            """;
    private static final Map<String, Function<String, ObjectNode>> SAMPLES = Map.of(
            CLUSTER, SampleObjects::cluster, MACHINE, SampleObjects::machine,
            MS, SampleObjects::machineSet, MD, SampleObjects::machineDeployment);
    private static final Map<String, String> PLURALS = Map.of(
            CLUSTER, "clusters", MACHINE, "machines", MS, "machinesets", MD, "machinedeployments");

    private static ServedApi api;
    private static int rows;

    @BeforeAll
    static void startServer() {
        api = ServedApi.start(CapiAdmissionHooks.all());
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    /** One ported case. {@code old} is null for a create. Either {@code stored} or {@code field} is set. */
    record Row(String description, String kind, String old, String object, Map<String, String> stored,
               String field, String message, String namespace) {
        @Override
        public String toString() {
            return kind + ": " + description;
        }

        Row storing(String pointer, String value) {
            Map<String, String> more = new LinkedHashMap<>(stored);
            more.put(pointer, value);
            return new Row(description, kind, old, object, more, field, message, namespace);
        }

        Row rejects(String field, String message) {
            return new Row(description, kind, old, object, stored, field, message, namespace);
        }
    }

    static Stream<Row> cases() {
        List<Row> all = new ArrayList<>();
        all.addAll(machineDeployments());
        all.addAll(machineSets());
        all.addAll(machines());
        all.addAll(clusters());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void admits(Row row) {
        api.namespace(row.namespace());
        String path = SampleObjects.path(row.namespace(), PLURALS.get(row.kind()));
        ServedApi.Reply reply;
        if (row.old() == null) {
            reply = api.post(path, build(row.kind(), row.object()));
        } else {
            ServedApi.Reply created = api.post(path, build(row.kind(), row.old()));
            assertThat(created.code()).as("old object: " + created.body()).isEqualTo(201);
            ObjectNode next = build(row.kind(), row.object());
            next.with("metadata").put("resourceVersion", created.body().at("/metadata/resourceVersion").asText());
            reply = api.put(path + "/" + next.at("/metadata/name").asText(), next);
        }
        if (row.field() == null) {
            assertThat(reply.code()).as(reply.body().toString()).isIn(200, 201);
            row.stored().forEach((pointer, value) ->
                    assertThat(reply.body().at(pointer).asText()).as(pointer).isEqualTo(value));
        } else {
            assertInvalid(row, reply);
        }
    }

    /** Upstream's own templates pass the webhooks unchanged, apart from the defaults the webhooks add. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "e2e__data__infrastructure-docker__main__bases__cluster-with-kcp.yaml",
            "e2e__data__infrastructure-docker__main__bases__md.yaml",
            "infrastructure__docker__templates__cluster-template-development.yaml"})
    void upstreamTemplatesPass(String file) {
        String namespace = "whfx-" + Integer.toHexString(file.hashCode());
        api.namespace(namespace);
        List<ObjectNode> objects = UpstreamFixtures.load(file, "capi-quickstart", namespace).stream()
                .filter(o -> PLURALS.containsKey(o.path("kind").asText()))
                .filter(o -> o.path("apiVersion").asText().equals(io.capj.api.core.v1beta2.CoreGroup.API_VERSION))
                .toList();
        assertThat(objects).isNotEmpty();
        for (ObjectNode object : objects) {
            ServedApi.Reply created = api.post(SampleObjects.path(namespace, PLURALS.get(object.path("kind").asText())),
                    object);
            assertThat(created.code()).as(file + ": " + created.body()).isEqualTo(201);
            if (!object.path("kind").asText().equals(CLUSTER)) {
                assertThat(created.body().at("/metadata/labels/cluster.x-k8s.io~1cluster-name").asText())
                        .isEqualTo("capi-quickstart");
            }
        }
    }

    private static void assertInvalid(Row row, ServedApi.Reply reply) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(422);
        assertThat(reply.body().path("message").asText())
                .startsWith(row.kind() + ".cluster.x-k8s.io \"");
        List<String> causes = new ArrayList<>();
        for (JsonNode cause : reply.body().at("/details/causes")) {
            causes.add(cause.path("field").asText() + ": " + cause.path("message").asText());
        }
        assertThat(causes).as(reply.body().toString())
                .anyMatch(c -> c.startsWith(row.field() + ": ") && c.contains(row.message()));
    }

    // ---- MachineDeployment (upstream machinedeployment_test.go) ----

    private static List<Row> machineDeployments() {
        String matching = """
                spec:
                  selector: {matchLabels: {pool: null, foo: bar}}
                  template: {metadata: {labels: {pool: null, foo: bar}}}
                """;
        return List.of(
                row("pass with name of under 63 characters", MD, "metadata: {name: short-name}").allowed(),
                row("error with name of more than 63 characters", MD,
                        "metadata: {name: thisnameisreallymuchlongerthanthemaximumlengthofsixtythreecharacters}")
                        .rejects("metadata.name", "must be a valid label value: must be no more than 63 characters"),
                row("error when name ends with NonAlphanumeric character", MD,
                        "metadata: {name: thisnameendswithanonalphanumeric.}")
                        .rejects("metadata.name", "must be a valid label value: a valid label must be"),
                row("should return error on mismatch", MD, """
                        spec:
                          selector: {matchLabels: {pool: null, foo: bar}}
                          template: {metadata: {labels: {pool: null, foo: baz}}}
                        """).rejects("spec.template.metadata.labels",
                        "Forbidden: must match spec.selector \"cluster.x-k8s.io/cluster-name=c1,foo=bar\""),
                row("should return error if all selectors don't match", MD, """
                        spec:
                          selector: {matchLabels: {pool: null, foo: bar, hello: world}}
                          template: {metadata: {labels: {pool: null, foo: bar}}}
                        """).rejects("spec.template.metadata.labels", "must match spec.selector"),
                row("should not return error on match", MD, matching).allowed(),
                row("should return error for invalid selector", MD, """
                        spec:
                          selector: {matchLabels: {pool: null, "-123-foo": bar}}
                          template: {metadata: {labels: {pool: null, "-123-foo": bar}}}
                        """).rejects("spec.selector", "key: Invalid value: \"-123-foo\""),
                row("should return error for invalid maxSurge", MD,
                        "spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: \"1\"}}}}")
                        .rejects("spec.rollout.strategy.rollingUpdate.maxSurge", "Invalid value: \"1\": must be either "
                                + "an int or a percentage: invalid value for IntOrString: invalid type: string is not a percentage"),
                row("should return error for invalid maxUnavailable", MD,
                        "spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: \"0\", maxSurge: 1}}}}")
                        .rejects("spec.rollout.strategy.rollingUpdate.maxUnavailable",
                                "must be either an int or a percentage"),
                row("maxUnavailable and maxSurge cannot both be 0", MD,
                        "spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}}}")
                        .rejects("spec.rollout.strategy.rollingUpdate", "maxUnavailable and maxSurge cannot both be 0"),
                row("should return error for invalid remediation maxInFlight", MD,
                        "spec: {remediation: {maxInFlight: \"1\"}}")
                        .rejects("spec.remediation.maxInFlight", "must be either an int or a percentage"),
                row("should not return error for valid percentage remediation maxInFlight", MD,
                        "spec: {remediation: {maxInFlight: \"20%\"}}").allowed(),
                row("should not return error for valid int remediation maxInFlight", MD,
                        "spec: {remediation: {maxInFlight: 5}}").allowed(),
                row("should not return error for valid int maxSurge and maxUnavailable", MD,
                        "spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}}}")
                        .allowed(),
                row("should not return error for valid percentage string maxSurge and maxUnavailable", MD,
                        "spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: \"0%\", maxSurge: \"1%\"}}}}")
                        .allowed(),
                row("should not return error when MachineNamingSpec have {{ .random }}", MD,
                        "spec: {machineNaming: {template: \"{{ .machineSet.name }}-{{ .random }}\"}}").allowed(),
                row("should return error when MachineNamingSpec does not have {{ .random }}", MD,
                        "spec: {machineNaming: {template: \"{{ .machineSet.name }}\"}}")
                        .rejects("spec.machineNaming.template", "invalid template, {{ .random }} is missing"),
                row("should return error when MachineNamingSpec does not follow DNS1123Subdomain rules", MD,
                        "spec: {machineNaming: {template: \"{{ .machineSet.name }}-{{ .random }}-\"}}")
                        .rejects("spec.machineNaming.template",
                                "invalid template, generated names would not be valid Kubernetes object names"),
                row("should succeed when given a valid semantic version with prepended 'v'", MD,
                        "spec: {template: {spec: {version: v1.17.2}}}").allowed(),
                row("a valid semantic version without 'v' is defaulted to have one", MD,
                        "spec: {template: {spec: {version: 1.17.2}}}").storing("/spec/template/spec/version", "v1.17.2"),
                row("should return error when given an invalid semantic version (v1.17.2++)", MD,
                        "spec: {template: {spec: {version: v1.17.2++}}}")
                        .rejects("spec.template.spec.version", "must be a valid semantic version"),
                row("should return error when given an invalid semantic version (v1)", MD,
                        "spec: {template: {spec: {version: v1}}}")
                        .rejects("spec.template.spec.version", "Invalid value: \"v1\": must be a valid semantic version"),
                row("should return error when given an invalid semantic version (wrong_version)", MD,
                        "spec: {template: {spec: {version: wrong_version}}}")
                        .rejects("spec.template.spec.version", "must be a valid semantic version"),
                row("when the cluster name has not changed", MD, "spec: {replicas: 3}", "spec: {replicas: 4}").allowed(),
                row("when the cluster name has changed", MD, "metadata: {}",
                        "spec: {clusterName: c2, template: {spec: {clusterName: c2}}}")
                        .rejects("spec.clusterName", "Forbidden: field is immutable"),
                row("clusterName fields are set to different values", MD, "spec: {template: {spec: {clusterName: c2}}}")
                        .rejects("spec.clusterName", "spec.clusterName and spec.template.spec.clusterName must be set "
                                + "to the same value"),
                row("should return error for invalid labels and annotations", MD, """
                        spec:
                          template:
                            metadata:
                              labels: {foo: "$invalid-key"}
                              annotations: {"/invalid-key": foo}
                        """).rejects("spec.template.metadata.annotations", "prefix part must be non-empty"),
                row("should return error for a too long template label value", MD,
                        "spec: {template: {metadata: {labels: {bar: " + "a".repeat(64) + "too-long-value}}}}")
                        .rejects("spec.template.metadata.labels", "must be no more than 63 characters"),
                row("should return error if configref and data are nil", MD,
                        "spec: {template: {spec: {bootstrap: {configRef: null, dataSecretName: null}}}}")
                        .rejects("spec.template.spec.bootstrap", "Required value: expected either "
                                + "spec.template.spec.bootstrap.dataSecretName or spec.template.spec.bootstrap.configRef"),
                row("should not return error if dataSecretName is set", MD,
                        "spec: {template: {spec: {bootstrap: {configRef: null, dataSecretName: data-secret}}}}").allowed(),
                row("defaults labels, selector, replicas, strategy and version", MD, """
                        metadata: {name: test-md}
                        spec:
                          replicas: null
                          selector: null
                          template:
                            metadata: null
                            spec: {version: 1.19.10, bootstrap: {configRef: null, dataSecretName: data-secret}}
                        """)
                        .storing("/metadata/labels/cluster.x-k8s.io~1cluster-name", "c1")
                        .storing("/spec/replicas", "1")
                        .storing("/spec/selector/matchLabels/cluster.x-k8s.io~1deployment-name", "test-md")
                        .storing("/spec/template/metadata/labels/cluster.x-k8s.io~1deployment-name", "test-md")
                        .storing("/spec/selector/matchLabels/cluster.x-k8s.io~1cluster-name", "c1")
                        .storing("/spec/template/metadata/labels/cluster.x-k8s.io~1cluster-name", "c1")
                        .storing("/spec/rollout/strategy/type", "RollingUpdate")
                        .storing("/spec/rollout/strategy/rollingUpdate/maxSurge", "1")
                        .storing("/spec/rollout/strategy/rollingUpdate/maxUnavailable", "0")
                        .storing("/spec/template/spec/version", "v1.19.10"),
                row("if new MD has replicas set, keep that value", MD,
                        "metadata: {annotations: {" + MIN + ": \"3\", " + MAX + ": \"7\"}}\nspec: {replicas: 5}")
                        .storing("/spec/replicas", "5"),
                row("if new MD only has min size annotation, fallback to 1", MD,
                        "metadata: {annotations: {" + MIN + ": \"3\"}}\nspec: {replicas: null}")
                        .storing("/spec/replicas", "1"),
                row("if new MD has min and max size annotation and new MD is a new MD, use min size", MD,
                        "metadata: {annotations: {" + MIN + ": \"3\", " + MAX + ": \"7\"}}\nspec: {replicas: null}")
                        .storing("/spec/replicas", "3"),
                row("if new MD has min and max size annotation and old MD replicas is below min size, use min size",
                        MD, "spec: {replicas: 1}", AUTOSCALED).storing("/spec/replicas", "3"),
                row("if new MD has min and max size annotation and old MD replicas is above max size, use max size",
                        MD, "spec: {replicas: 15}", AUTOSCALED).storing("/spec/replicas", "7"),
                row("if new MD has min and max size annotation and old MD replicas is between min and max size, "
                        + "keep old replicas", MD, "spec: {replicas: 4}", AUTOSCALED).storing("/spec/replicas", "4"),
                row("if new MD has min and max size annotation and min size is invalid, fail", MD,
                        "metadata: {annotations: {" + MIN + ": abc, " + MAX + ": \"7\"}}\nspec: {replicas: null}")
                        .rejects("metadata.annotations." + MIN, "could not parse the value of the \"" + MIN + "\" annotation"),
                row("should block taint key node.cluster.x-k8s.io/uninitialized", MD, taint("node.cluster.x-k8s.io/uninitialized"))
                        .rejects("spec.template.spec.taints[0].key", "taint key is not allowed"),
                row("should allow taint node.kubernetes.io/out-of-service", MD, taint("node.kubernetes.io/out-of-service"))
                        .allowed(),
                row("should block taint with key prefix node.cloudprovider.kubernetes.io/", MD,
                        taint("node.cloudprovider.kubernetes.io/shutdown"))
                        .rejects("spec.template.spec.taints[0].key",
                                "taint key must not have the prefix node.cloudprovider.kubernetes.io/"),
                row("should block taint key node-role.kubernetes.io/control-plane for worker nodes", MD,
                        taint("node-role.kubernetes.io/control-plane"))
                        .rejects("spec.template.spec.taints[0].key", "taint is not allowed for worker Machines"));
    }

    // ---- MachineSet (upstream machineset_test.go) ----

    private static List<Row> machineSets() {
        String skip = "machineset.cluster.x-k8s.io/skip-preflight-checks";
        return List.of(
                row("should return error on mismatch", MS, """
                        spec:
                          selector: {matchLabels: {pool: null, foo: bar}}
                          template: {metadata: {labels: {pool: null, foo: baz}}}
                        """).rejects("spec.template.metadata.labels", "must match spec.selector \"foo=bar\""),
                row("should return error on missing labels", MS, """
                        spec:
                          selector: {matchLabels: {pool: null, foo: bar}}
                          template: {metadata: {labels: null}}
                        """).rejects("spec.template.metadata.labels", "Invalid value: {}: must match spec.selector"),
                row("should return error for invalid selector", MS, """
                        spec:
                          selector: {matchLabels: {pool: null, "-123-foo": bar}}
                          template: {metadata: {labels: {pool: null, "-123-foo": bar}}}
                        """).rejects("spec.selector", "name part must consist of alphanumeric characters"),
                row("defaults the cluster-name label, replicas and a set-name selector", MS, """
                        metadata: {name: test-ms}
                        spec: {replicas: null, selector: null, template: {metadata: null}}
                        """)
                        .storing("/metadata/labels/cluster.x-k8s.io~1cluster-name", "c1")
                        .storing("/spec/replicas", "1")
                        .storing("/spec/selector/matchLabels/cluster.x-k8s.io~1set-name", "test-ms")
                        .storing("/spec/template/metadata/labels/cluster.x-k8s.io~1set-name", "test-ms"),
                row("if new MS has min and max size annotation and old MS replicas is between min and max size, "
                        + "keep old replicas", MS, "spec: {replicas: 5}", AUTOSCALED).storing("/spec/replicas", "5"),
                row("if new MS has min and max size annotation and old MS replicas is above max size, use max size",
                        MS, "spec: {replicas: 9}", AUTOSCALED).storing("/spec/replicas", "7"),
                row("a valid semantic version without 'v' is defaulted to have one", MS,
                        "spec: {template: {spec: {version: 1.17.2}}}").storing("/spec/template/spec/version", "v1.17.2"),
                row("should return error when given an invalid semantic version", MS,
                        "spec: {template: {spec: {version: v1.17.2++}}}")
                        .rejects("spec.template.spec.version", "must be a valid semantic version"),
                row("should pass if only valid preflight checks are skipped (multiple)", MS,
                        "metadata: {annotations: {" + skip + ": \"KubeadmVersionSkew, ControlPlaneIsStable\"}}").allowed(),
                row("should fail if invalid preflight checks are skipped", MS,
                        "metadata: {annotations: {" + skip + ": \"all, KubeadmVersionSkew\"}}")
                        .rejects("metadata.annotations." + skip, "skipped preflight check(s) must be among: [All "
                                + "ControlPlaneIsStable ControlPlaneVersionSkew KubeadmVersionSkew KubernetesVersionSkew]"),
                row("when the cluster name has changed", MS, "metadata: {}",
                        "spec: {clusterName: c2, template: {spec: {clusterName: c2}}}")
                        .rejects("spec.clusterName", "field is immutable"),
                row("should return error if configref and data are nil", MS,
                        "spec: {template: {spec: {bootstrap: {configRef: null}}}}")
                        .rejects("spec.template.spec.bootstrap", "expected either spec.template.spec.bootstrap"),
                row("should block taint key node-role.kubernetes.io/master", MS, taint("node-role.kubernetes.io/master"))
                        .rejects("spec.template.spec.taints[0].key",
                                "taint is deprecated since 1.24 and should not be used anymore"));
    }

    // ---- Machine (upstream machine_test.go) ----

    private static List<Row> machines() {
        return List.of(
                row("should return error if configref and data are nil", MACHINE, "spec: {bootstrap: {configRef: null}}")
                        .rejects("spec.bootstrap", "expected either spec.bootstrap.dataSecretName or "
                                + "spec.bootstrap.configRef to be populated"),
                row("should not return error if dataSecretName is set", MACHINE,
                        "spec: {bootstrap: {configRef: null, dataSecretName: test}}").allowed(),
                row("a MachinePool Machine needs no bootstrap", MACHINE,
                        "metadata: {labels: {cluster.x-k8s.io/pool-name: pool}}\nspec: {bootstrap: {configRef: null}}")
                        .allowed(),
                row("when the cluster name has changed", MACHINE, "metadata: {}", "spec: {clusterName: c2}")
                        .rejects("spec.clusterName", "Forbidden: field is immutable"),
                row("should return error when given an invalid semantic version", MACHINE, "spec: {version: v1.17.2++}")
                        .rejects("spec.version", "Invalid value: \"v1.17.2++\": must be a valid semantic version"),
                row("defaults the cluster-name label, version prefix and node deletion timeout", MACHINE,
                        "spec: {version: 1.17.5}")
                        .storing("/metadata/labels/cluster.x-k8s.io~1cluster-name", "c1")
                        .storing("/spec/version", "v1.17.5")
                        .storing("/spec/deletion/nodeDeletionTimeoutSeconds", "10"),
                row("control-plane Machines may carry the control-plane taint", MACHINE,
                        "metadata: {labels: {cluster.x-k8s.io/control-plane: \"\"}}\n"
                                + "spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule, "
                                + "propagation: Always}]}").allowed());
    }

    // ---- Cluster (upstream cluster_test.go) ----

    private static List<Row> clusters() {
        String concurrency = "topology.cluster.x-k8s.io/upgrade-concurrency";
        return List.of(
                row("fails if none of spec.controlPlaneRef, spec.infrastructureRef or spec.topology is set", CLUSTER,
                        "spec: {infrastructureRef: null, controlPlaneRef: null, clusterNetwork: {serviceDomain: cluster.local}}")
                        .rejects("spec", "Forbidden: one of spec.controlPlaneRef, spec.infrastructureRef or "
                                + "spec.topology must be set"),
                row("pass with valid IPv4 CIDR ranges", CLUSTER, cidrs("10.10.10.10/24", "10.96.0.0/12")).allowed(),
                row("pass with valid IPv6 CIDR ranges", CLUSTER, cidrs("2004::1234:abcd:ffff:c0a8:101/64", "fd00:100:64::/108"))
                        .allowed(),
                row("fails if service cidr ranges are not valid", CLUSTER, """
                        spec:
                          clusterNetwork:
                            services: {cidrBlocks: ["10.96.0.0/12", "foo"]}
                        """).rejects("spec.clusterNetwork.services.cidrBlocks[1]",
                        "Invalid value: \"foo\": invalid CIDR address: foo"),
                row("fails if pod cidr ranges are not valid", CLUSTER, """
                        spec:
                          clusterNetwork:
                            pods: {cidrBlocks: ["10.0.0.0/33"]}
                        """).rejects("spec.clusterNetwork.pods.cidrBlocks[0]", "invalid CIDR address: 10.0.0.0/33"),
                row("fails if cluster name is longer than 63 characters", CLUSTER,
                        "metadata: {name: thisnameisreallymuchlongerthanthemaximumlengthofsixtythreecharacters}")
                        .rejects("metadata.name", "must be a valid label value must be no more than 63 characters"),
                row("error when controlPlaneRef gets unset", CLUSTER, "metadata: {}", "spec: {controlPlaneRef: null}")
                        .rejects("spec.controlPlaneRef", "Forbidden: cannot be removed"),
                row("error when infrastructureRef gets unset", CLUSTER, "metadata: {}", "spec: {infrastructureRef: null}")
                        .rejects("spec.infrastructureRef", "Forbidden: cannot be removed"),
                row("should return error when topology does not have valid version", CLUSTER,
                        TOPOLOGY.replace("v1.19.1", "v1.19"))
                        .rejects("spec.topology.version", "version must be a valid semantic version"),
                row("should return error when topology does not have valid version (not semver)", CLUSTER,
                        TOPOLOGY.replace("v1.19.1", "invalid"))
                        .rejects("spec.topology.version", "Invalid value: \"vinvalid\": version must be a valid semantic version"),
                row("defaults the topology version to start with v", CLUSTER, TOPOLOGY.replace("v1.19.1", "1.19.1"))
                        .storing("/spec/topology/version", "v1.19.1"),
                row("should return error when upgrade concurrency annotation value is < 1", CLUSTER,
                        "metadata: {annotations: {" + concurrency + ": \"0\"}}\n" + TOPOLOGY)
                        .rejects("metadata.annotations." + concurrency, "value cannot be less than 1"),
                row("should return error when upgrade concurrency annotation value is not numeric", CLUSTER,
                        "metadata: {annotations: {" + concurrency + ": abc}}\n" + TOPOLOGY)
                        .rejects("metadata.annotations." + concurrency, "could not parse the value of the annotation"),
                row("should pass upgrade concurrency annotation value is >= 1", CLUSTER,
                        "metadata: {annotations: {" + concurrency + ": \"2\"}}\n" + TOPOLOGY).allowed(),
                row("should return error when downgrading topology version - minor", CLUSTER, TOPOLOGY,
                        TOPOLOGY.replace("v1.19.1", "v1.18.1"))
                        .rejects("spec.topology.version", "version cannot be decreased from \"1.19.1\" to \"1.18.1\""),
                row("Reject cluster moving from Managed to Unmanaged", CLUSTER, TOPOLOGY, "spec: {topology: null}")
                        .rejects("spec.topology", "Forbidden: cannot be removed from an existing Cluster"),
                row("Reject cluster moving from Unmanaged to Managed", CLUSTER, "metadata: {}", TOPOLOGY)
                        .rejects("spec.topology.class", "classRef cannot be set on an existing Cluster"),
                row("replicas and autoscaler annotations on one MachineDeploymentTopology", CLUSTER, TOPOLOGY
                        .replace("{class: default-worker, name: md-0}", "{class: default-worker, name: md-0, replicas: 2, "
                                + "metadata: {annotations: {" + MIN + ": \"1\"}}}"))
                        .rejects("spec.topology.workers.machineDeployments[md-0].replicas",
                                "if the same MachineDeploymentTopology has autoscaler annotations"),
                row("topology MachineDeployment rollout bounds", CLUSTER, TOPOLOGY
                        .replace("{class: default-worker, name: md-0}", "{class: default-worker, name: md-0, rollout: "
                                + "{strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: abc}}}}"))
                        .rejects("spec.topology.workers.machineDeployments[md-0].rollout.strategy.rollingUpdate.maxSurge",
                                "must be either an int or a percentage"));
    }

    // ---- row building ----

    private static RowStart row(String description, String kind, String object) {
        return new RowStart(description, kind, null, object);
    }

    private static RowStart row(String description, String kind, String old, String object) {
        return new RowStart(description, kind, old, object);
    }

    /** A row before its expectation. */
    record RowStart(String description, String kind, String old, String object) {
        Row allowed() {
            return new Row(description, kind, old, object, Map.of(), null, null, "wh-" + ++rows);
        }

        Row storing(String pointer, String value) {
            return allowed().storing(pointer, value);
        }

        Row rejects(String field, String message) {
            return allowed().rejects(field, message);
        }
    }

    private static String taint(String key) {
        return "spec: {template: {spec: {taints: [{key: " + key + ", effect: NoSchedule, propagation: Always}]}}}";
    }

    private static String cidrs(String pods, String services) {
        return "spec: {clusterNetwork: {pods: {cidrBlocks: [\"" + pods + "\"]}, services: {cidrBlocks: [\""
                + services + "\"]}}}";
    }

    /** The kind's sample object named {@code obj}, with the YAML overlay merged in (null removes a field). */
    static ObjectNode build(String kind, String overlay) {
        ObjectNode object = SAMPLES.get(kind).apply("obj");
        try {
            JsonNode patch = Json.YAML.readTree(overlay);
            if (patch != null && patch.isObject()) {
                merge(object, (ObjectNode) patch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bad overlay: " + overlay, e);
        }
        return object;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, (ObjectNode) value);
            } else {
                target.set(e.getKey(), value);
            }
        }
    }
}
