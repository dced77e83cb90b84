package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiWebhooks;
import io.capj.api.ServedApi;
import io.capj.api.controlplane.kubeadm.v1beta2.ControlPlaneGroup;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's KubeadmControlPlane(Template) webhook cases ({@code kubeadmcontrolplane_test.go},
 * {@code kubeadmcontrolplanetemplate_test.go}) as rows, run through the real embedded API server with
 * {@link CapiWebhooks#all()} (the Ignition gate off, as upstream's default). Each row bends upstream's sample
 * object with a YAML merge overlay (null deletes), creates it (or creates {@code old} and then updates to it),
 * and expects success with some stored values, or 422 with a cause on a field whose message contains
 * upstream's text.
 *
 * <p>Upstream's unit tests skip defaulting; through a server it runs first, so "replicas missing" and
 * "version without v" become rows asserting the defaults. Rows whose upstream objects the schema refuses
 * (external etcd without endpoints, taints without propagation, a certificate validity above 1095 days) carry
 * the fields the schema requires, or expect the schema's error on the same field.
 */
class KubeadmControlPlaneWebhookTest {
    private static final String NAMESPACE = "kcp-webhooks";
    private static final String KCP = "KubeadmControlPlane";
    private static final String TEMPLATE = "KubeadmControlPlaneTemplate";
    private static final String CC = "spec.kubeadmConfigSpec.clusterConfiguration";
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Upstream's {@code before} (update tests); its create tests' {@code valid} differs only in version. */
    private static final String KCP_SAMPLE = """
            apiVersion: controlplane.cluster.x-k8s.io/v1beta2
            kind: KubeadmControlPlane
            metadata: {name: test}
            spec:
              replicas: 1
              version: v1.16.6
              machineTemplate:
                spec:
                  infrastructureRef: {apiGroup: test, kind: UnknownInfraMachine, name: infra-template}
                  deletion: {nodeDrainTimeoutSeconds: 1, nodeVolumeDetachTimeoutSeconds: 1, nodeDeletionTimeoutSeconds: 1}
              kubeadmConfigSpec:
                initConfiguration:
                  localAPIEndpoint: {advertiseAddress: 127.0.0.1, bindPort: 443}
                  nodeRegistration: {name: test}
                  timeouts: {controlPlaneComponentHealthCheckSeconds: 10, kubeletHealthCheckSeconds: 40}
                clusterConfiguration:
                  dns: {imageRepository: registry.k8s.io/coredns, imageTag: 1.6.5}
                  certificateValidityPeriodDays: 100
                  caCertificateValidityPeriodDays: 365
                  encryptionAlgorithm: RSA-2048
                joinConfiguration:
                  nodeRegistration: {name: test}
                  timeouts: {controlPlaneComponentHealthCheckSeconds: 10, kubeletHealthCheckSeconds: 40}
                preKubeadmCommands: [test, foo]
                postKubeadmCommands: [test, foo]
                files: [{path: test}]
                users: [{name: user, sshAuthorizedKeys: [ssh-rsa foo]}]
                ntp: {servers: [test-server-1, test-server-2], enabled: true}
              rollout:
                before: {certificatesExpiryDays: 7}
                strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}
            """;
    private static final String TEMPLATE_SAMPLE = """
            apiVersion: controlplane.cluster.x-k8s.io/v1beta2
            kind: KubeadmControlPlaneTemplate
            metadata: {name: test}
            spec:
              template:
                spec:
                  machineTemplate:
                    spec:
                      deletion: {nodeDrainTimeoutSeconds: 1}
                  kubeadmConfigSpec:
                    clusterConfiguration:
                      apiServer: {certSANs: [localhost]}
            """;
    private static final String EXTERNAL_ETCD = "{endpoints: [\"127.0.0.1\"], caFile: /ca, certFile: /cert, "
            + "keyFile: /key}";
    private static final String DNS = "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: "
            + "{imageRepository: gcr.io/capi-test, imageTag: v1.6.6_foobar.1}}}}";

    private static ServedApi api;

    @BeforeAll
    static void startServer() {
        api = ServedApi.start(CapiWebhooks.all());
        api.namespace(NAMESPACE);
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    /** One ported case. {@code old} is null for a create. Either {@code stored} or {@code field} is set. */
    record Row(String description, String kind, String old, String object, Map<String, String> stored,
               String field, String message) {
        @Override
        public String toString() {
            return kind + ": " + description;
        }

        Row allowed() {
            return this;
        }

        Row storing(String pointer, String value) {
            Map<String, String> more = new LinkedHashMap<>(stored);
            more.put(pointer, value);
            return new Row(description, kind, old, object, more, field, message);
        }

        Row rejects(String rejectedField, String text) {
            return new Row(description, kind, old, object, stored, rejectedField, text);
        }
    }

    static Stream<Row> cases() {
        List<Row> all = new ArrayList<>();
        all.addAll(creates());
        all.addAll(updates());
        all.addAll(templates());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void admits(Row row) {
        String name = "kcp-" + NAMES.incrementAndGet();
        String path = ServedApi.collection(ControlPlaneGroup.API_VERSION, NAMESPACE,
                row.kind().equals(KCP) ? "kubeadmcontrolplanes" : "kubeadmcontrolplanetemplates");
        ServedApi.Reply reply;
        if (row.old() == null) {
            reply = api.post(path, build(row.kind(), name, row.object()));
        } else {
            ServedApi.Reply created = api.post(path, build(row.kind(), name, row.old()));
            assertThat(created.code()).as("old object: " + created.body()).isEqualTo(201);
            ObjectNode next = merge(created.body().deepCopy(), parse(row.object()));
            reply = api.put(path + "/" + name, next);
        }
        if (row.field() == null) {
            assertThat(reply.code()).as(reply.body().toString()).isIn(200, 201);
            row.stored().forEach((pointer, value) ->
                    assertThat(reply.body().at(pointer).asText()).as(pointer).isEqualTo(value));
        } else {
            assertThat(reply.code()).as(reply.body().toString()).isEqualTo(422);
            List<String> causes = new ArrayList<>();
            for (JsonNode cause : reply.body().at("/details/causes")) {
                causes.add(cause.path("field").asText() + ": " + cause.path("message").asText());
            }
            assertThat(causes).as(reply.body().toString())
                    .anyMatch(c -> c.startsWith(row.field() + ": ") && c.contains(row.message()));
        }
    }

    // ---- TestKubeadmControlPlaneValidateCreate, TestKubeadmControlPlaneDefault ----

    private static List<Row> creates() {
        return List.of(
                create("should succeed when given a valid config", "spec: {version: v1.19.0}").allowed(),
                create("replicas left unset are defaulted to 1 (upstream: error without defaulting)",
                        "spec: {replicas: null}").storing("/spec/replicas", "1"),
                create("should return error when replicas is zero", "spec: {replicas: 0}")
                        .rejects("spec.replicas", "Forbidden: cannot be less than or equal to 0"),
                create("should return error when replicas is even", "spec: {replicas: 2}")
                        .rejects("spec.replicas", "Forbidden: cannot be an even number when etcd is stacked"),
                create("should allow even replicas when using external etcd",
                        "spec: {replicas: 2, kubeadmConfigSpec: {clusterConfiguration: {etcd: {external: "
                                + EXTERNAL_ETCD + "}}}}").allowed(),
                create("a version without 'v' is defaulted to have one (upstream: error without defaulting)",
                        "spec: {version: 1.16.6}").storing("/spec/version", "v1.16.6"),
                create("should return error when given an invalid semantic version (vv1.16.6)",
                        "spec: {version: vv1.16.6}")
                        .rejects("spec.version", "Invalid value: \"vv1.16.6\": must be a valid semantic version"),
                create("should return error when given an invalid semantic version (v1)", "spec: {version: v1}")
                        .rejects("spec.version", "must be a valid semantic version"),
                create("should return error when given an invalid semantic CoreDNS version",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: {imageTag: 1-7}}}}")
                        .rejects("dns.imageTag", "failed to parse CoreDNS version"),
                create("should return error when maxSurge is not 1",
                        "spec: {rollout: {strategy: {rollingUpdate: {maxSurge: 3}}}}")
                        .rejects("spec.rollout.strategy.rollingUpdate.maxSurge", "value must be 1 or 0"),
                create("should succeed when maxSurge is a string",
                        "spec: {rollout: {strategy: {rollingUpdate: {maxSurge: \"1\"}}}}").allowed(),
                create("should return error when Ignition configuration is invalid (gate off)",
                        "spec: {kubeadmConfigSpec: {ignition: {containerLinuxConfig: {additionalConfig: config}}}}")
                        .rejects("spec.kubeadmConfigSpec.ignition",
                                "can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled"),
                create("should return error for invalid metadata", """
                        spec: {machineTemplate: {metadata: {labels: {foo: "$invalid-key"}, annotations: {"/invalid-key": foo}}}}
                        """).rejects("spec.machineTemplate.metadata.labels", "a valid label must be"),
                create("should return error for invalid Timeouts.ControlPlaneComponentHealthCheckSeconds",
                        "spec: {kubeadmConfigSpec: {joinConfiguration: {timeouts: "
                                + "{controlPlaneComponentHealthCheckSeconds: null}}}}")
                        .rejects("spec.kubeadmConfigSpec.initConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds",
                                "must be set to the same value both in initConfiguration.timeouts (10)"),
                create("should return error when CertificateValidityPeriodDays greater than CACertificateValidityPeriodDays",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {certificateValidityPeriodDays: 350, "
                                + "caCertificateValidityPeriodDays: 300}}}")
                        .rejects(CC + ".certificateValidityPeriodDays",
                                "Invalid value: 350: must be less than or equal to caCertificateValidityPeriodDays (300)"),
                create("CertificateValidityPeriodDays greater than the CA default is refused (by the schema's 1095 bound)",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {certificateValidityPeriodDays: 3651, "
                                + "caCertificateValidityPeriodDays: null}}}")
                        .rejects(CC + ".certificateValidityPeriodDays", "less than or equal to"),
                create("should return error when rolloutBefore CertificatesExpiryDays greater than cluster "
                                + "CertificateValidityPeriodDays",
                        "spec: {rollout: {before: {certificatesExpiryDays: 8}}, kubeadmConfigSpec: "
                                + "{clusterConfiguration: {certificateValidityPeriodDays: 7}}}")
                        .rejects("spec.rollout.before.certificatesExpiryDays",
                                "must be less than certificateValidityPeriodDays (7)"),
                create("maxSurge 0 needs at least 3 replicas",
                        "spec: {rollout: {strategy: {rollingUpdate: {maxSurge: 0}}}}")
                        .rejects("spec.rollout.strategy.rollingUpdate", "replica count needs to be at least 3"),
                create("should block taint key node.cluster.x-k8s.io/uninitialized",
                        "spec: {machineTemplate: {spec: {taints: [{key: node.cluster.x-k8s.io/uninitialized, "
                                + "effect: NoSchedule, propagation: Always}]}}}")
                        .rejects("spec.machineTemplate.spec.taints[0].key", "taint key is not allowed"),
                create("machineNaming without {{ .random }} is refused",
                        "spec: {machineNaming: {template: \"{{ .kubeadmControlPlane.name }}\"}}")
                        .rejects("spec.machineNaming.template", "invalid template, {{ .random }} is missing"),
                create("machineNaming may use the control plane's and the cluster's names",
                        "spec: {machineNaming: {template: \"{{ .cluster.name }}-{{ .kubeadmControlPlane.name }}-{{ .random }}\"}}")
                        .allowed(),
                create("defaults replicas, version prefix and the rolling update strategy",
                        "spec: {replicas: null, version: 1.18.3, rollout: null}")
                        .storing("/spec/replicas", "1")
                        .storing("/spec/version", "v1.18.3")
                        .storing("/spec/rollout/strategy/type", "RollingUpdate")
                        .storing("/spec/rollout/strategy/rollingUpdate/maxSurge", "1"));
    }

    // ---- TestKubeadmControlPlaneValidateUpdate, TestValidateVersion ----

    private static List<Row> updates() {
        String localTag = "spec: {kubeadmConfigSpec: {clusterConfiguration: {etcd: {local: {imageTag: %s}}}}}";
        return List.of(
                update("should succeed when given a valid config", "metadata: {}", """
                        metadata: {labels: {blue: green}}
                        spec:
                          version: v1.17.1
                          replicas: 5
                          machineTemplate:
                            metadata: {labels: {label: labelValue}, annotations: {annotation: labelAnnotation}}
                            spec:
                              infrastructureRef: {apiGroup: test-changed, name: orange}
                              deletion: {nodeDrainTimeoutSeconds: 10, nodeVolumeDetachTimeoutSeconds: 10, nodeDeletionTimeoutSeconds: 10}
                          kubeadmConfigSpec:
                            bootCommands: [ab, abc]
                            preKubeadmCommands: [ab, abc]
                            postKubeadmCommands: [ab, abc]
                            files: [{path: ab}, {path: abc}]
                            users: [{name: bar, sshAuthorizedKeys: [ssh-rsa bar, ssh-rsa foo]}]
                            format: cloud-config
                          rollout: {after: "2030-01-01T00:00:00Z", before: {certificatesExpiryDays: 14}}
                          remediation: {maxRetry: 50, minHealthyPeriodSeconds: 36000, retryPeriodSeconds: 600}
                        """).allowed(),
                update("should not return an error when trying to mutate the kubeadmconfigspec initconfiguration "
                                + "noderegistration", "metadata: {}",
                        "spec: {kubeadmConfigSpec: {initConfiguration: {nodeRegistration: null}}}").allowed(),
                update("should return error when trying to mutate the kubeadmconfigspec clusterconfiguration",
                        "metadata: {}", "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: null, "
                                + "certificateValidityPeriodDays: null, caCertificateValidityPeriodDays: null, "
                                + "encryptionAlgorithm: null, certificatesDir: some-other-value}}}")
                        .rejects(CC + ".certificatesDir", "Forbidden: cannot be modified"),
                update("should return error when trying to mutate the kubeadmconfigspec format from cloud-config to "
                                + "ignition (gate off)", "spec: {kubeadmConfigSpec: {format: cloud-config}}",
                        "spec: {kubeadmConfigSpec: {format: ignition}}")
                        .rejects("spec.kubeadmConfigSpec.format", "KubeadmBootstrapFormatIgnition feature gate"),
                update("should return error when trying to scale to zero", "metadata: {}", "spec: {replicas: 0}")
                        .rejects("spec.replicas", "cannot be less than or equal to 0"),
                update("should return error when trying to scale to an even number", "metadata: {}",
                        "spec: {replicas: 2}").rejects("spec.replicas", "cannot be an even number when etcd is stacked"),
                update("should succeed when trying to scale to an even number with external etcd",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {etcd: {external: " + EXTERNAL_ETCD + "}}}}",
                        "spec: {replicas: 2}").allowed(),
                update("should succeed when making a change to the local etcd image tag", "metadata: {}",
                        localTag.formatted("v9.1.1")).allowed(),
                update("should succeed when making a change to the local etcd image build tag", "metadata: {}",
                        localTag.formatted("v9.1.1_validBuild1")).allowed(),
                update("should fail when using an invalid etcd image tag", "metadata: {}",
                        localTag.formatted("v9.1.1+invalidBuild1"))
                        .rejects(CC + ".etcd.local.imageTag", "tag v9.1.1+invalidBuild1 is invalid"),
                update("should fail when making a change to the cluster config's controlPlaneEndpoint", "metadata: {}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {controlPlaneEndpoint: some-endpoint}}}")
                        .rejects(CC + ".controlPlaneEndpoint", "cannot be modified"),
                update("should allow changes to the cluster config's apiServer", "metadata: {}", """
                        spec: {kubeadmConfigSpec: {clusterConfiguration: {apiServer: {
                          extraArgs: [{name: foo, value: bar}], certSANs: [foo, bar],
                          extraVolumes: [{name: mount1, hostPath: /foo, mountPath: /bar}]}}}}
                        """).allowed(),
                update("should succeed when making a change to the cluster config's dns", "metadata: {}", DNS).allowed(),
                update("should succeed when changing to a valid custom CoreDNS version", DNS,
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: {imageTag: v1.6.6_foobar.2}}}}").allowed(),
                update("should succeed when CoreDNS ImageTag is unset", DNS,
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: null}}}").allowed(),
                update("should fail when upgrading to an unsupported version", DNS,
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: {imageTag: v99.99.99}}}}")
                        .rejects(CC + ".dns.imageTag", "cannot migrate up to '99.99.99' from '1.6.6'"),
                update("should succeed when upgrading to an unsupported version and KCP has skip annotation set", DNS,
                        "metadata: {annotations: {controlplane.cluster.x-k8s.io/skip-coredns: \"\"}}\n"
                                + "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: {imageTag: v99.99.99}}}}")
                        .allowed(),
                update("should fail when using an invalid DNS build", "metadata: {}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: {imageTag: v0.20.0+invalidBuild1}}}}")
                        .rejects(CC + ".dns.imageTag", "tag v0.20.0+invalidBuild1 is invalid"),
                update("should fail when using an invalid CoreDNS version (a downgrade)", DNS,
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {dns: {imageTag: 1.6.5}}}}")
                        .rejects(CC + ".dns.imageTag", "cannot migrate CoreDNS up to '1.6.5' from '1.6.6'"),
                update("should fail when making a change to the cluster config's certificatesDir", "metadata: {}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {certificatesDir: /new}}}")
                        .rejects(CC + ".certificatesDir", "cannot be modified"),
                update("should allow a change to the cluster config's imageRepository", "metadata: {}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {imageRepository: new.registry}}}").allowed(),
                update("should succeed when making a change to the cluster config's external etcd's configuration",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {etcd: {external: " + EXTERNAL_ETCD + "}}}}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {etcd: {external: {keyFile: /another}}}}}")
                        .allowed(),
                update("should fail when switching from local to external etcd",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {etcd: {local: {imageRepository: "
                                + "image-repository, imageTag: latest}}}}}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {etcd: {local: null, external: "
                                + EXTERNAL_ETCD + "}}}}")
                        .rejects(CC + ".etcd.external", "cannot change between external and local etcd"),
                update("should not return an error when maxSurge value is updated to 0", "metadata: {}",
                        "spec: {replicas: 3, rollout: {strategy: {rollingUpdate: {maxSurge: 0}}}}").allowed(),
                update("should return an error when maxSurge value is updated to 0, but replica count is < 3",
                        "metadata: {}", "spec: {rollout: {strategy: {rollingUpdate: {maxSurge: 0}}}}")
                        .rejects("spec.rollout.strategy.rollingUpdate", "replica count needs to be at least 3"),
                update("should allow unsetting rolloutBefore", "metadata: {}", "spec: {rollout: {before: null}}")
                        .allowed(),
                update("should succeed when changing timeouts", "metadata: {}", """
                        spec: {kubeadmConfigSpec: {
                          initConfiguration: {timeouts: {controlPlaneComponentHealthCheckSeconds: 20, kubeletHealthCheckSeconds: null, etcdAPICallSeconds: 20}},
                          joinConfiguration: {timeouts: {controlPlaneComponentHealthCheckSeconds: 20, kubeletHealthCheckSeconds: null, etcdAPICallSeconds: 20}}}}
                        """).allowed(),
                update("should return error when trying to mutate the cluster config's caCertificateValidityPeriodDays",
                        "metadata: {}", "spec: {kubeadmConfigSpec: {clusterConfiguration: "
                                + "{caCertificateValidityPeriodDays: 730}}}")
                        .rejects(CC + ".caCertificateValidityPeriodDays", "cannot be modified"),
                update("should allow to update encryptionAlgorithm", "metadata: {}",
                        "spec: {kubeadmConfigSpec: {clusterConfiguration: {encryptionAlgorithm: RSA-3072}}}").allowed(),
                update("should allow to update taints",
                        "spec: {machineTemplate: {spec: {taints: [{key: pre-existing, value: v, effect: PreferNoSchedule, "
                                + "propagation: OnInitialization}]}}}",
                        "spec: {machineTemplate: {spec: {taints: [{key: pre-existing, value: v, effect: PreferNoSchedule, "
                                + "propagation: OnInitialization}, {key: added-taint, value: w, effect: NoSchedule, "
                                + "propagation: Always}]}}}").allowed(),
                update("error when upgrading two minor versions", "metadata: {}", "spec: {version: v1.18.0}")
                        .rejects("spec.version", "Forbidden: cannot update Kubernetes version from v1.16.6 to v1.18.0"),
                update("error when new version is invalid", "metadata: {}",
                        "spec: {version: v1.18.0-alpha.0.734_ba502ee555924a}")
                        .rejects("spec.version", "must be a valid semantic version"),
                update("pass when upgrading one minor version", "metadata: {}", "spec: {version: v1.17.18}").allowed(),
                update("a downgrade is not refused by the webhook (as upstream)", "metadata: {}",
                        "spec: {version: v1.15.3}").allowed());
    }

    // ---- kubeadmcontrolplanetemplate_test.go ----

    private static List<Row> templates() {
        return List.of(
                row("a valid template is accepted", TEMPLATE, null, "metadata: {}").allowed(),
                row("template naming without {{ .random }} is refused", TEMPLATE, null,
                        "spec: {template: {spec: {machineNaming: {template: \"{{ .kubeadmControlPlane.name }}\"}}}}")
                        .rejects("spec.template.spec.machineNaming.template", "{{ .random }} is missing"),
                row("template maxSurge must be 1 or 0", TEMPLATE, null,
                        "spec: {template: {spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 2}}}}}}")
                        .rejects("spec.template.spec.rollout.strategy.rollingUpdate.maxSurge", "value must be 1 or 0"),
                row("template spec is immutable", TEMPLATE, "metadata: {}",
                        "spec: {template: {spec: {kubeadmConfigSpec: {clusterConfiguration: {apiServer: {certSANs: [other]}}}}}}")
                        .rejects("spec.template.spec", "KubeadmControlPlaneTemplate spec.template.spec field is immutable"),
                row("template metadata may change", TEMPLATE, "metadata: {}",
                        "metadata: {labels: {foo: bar}}\nspec: {template: {metadata: {labels: {a: b}}}}").allowed(),
                row("a rollout strategy set to the old default may be unset", TEMPLATE,
                        "spec: {template: {spec: {rollout: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}}}}}",
                        "spec: {template: {spec: {rollout: null}}}").allowed(),
                row("the old kubeadm defaults may be unset", TEMPLATE,
                        "spec: {template: {spec: {kubeadmConfigSpec: {format: cloud-config, "
                                + "joinConfiguration: {nodeRegistration: {imagePullPolicy: IfNotPresent}}}}}}",
                        "spec: {template: {spec: {kubeadmConfigSpec: {format: null, joinConfiguration: null}}}}")
                        .allowed());
    }

    private static Row create(String description, String overlay) {
        return row(description, KCP, null, overlay);
    }

    private static Row update(String description, String old, String overlay) {
        return row(description, KCP, old, overlay);
    }

    private static Row row(String description, String kind, String old, String overlay) {
        return new Row(description, kind, old, overlay, Map.of(), null, null);
    }

    private static ObjectNode build(String kind, String name, String overlay) {
        ObjectNode object = parse(kind.equals(KCP) ? KCP_SAMPLE : TEMPLATE_SAMPLE);
        merge(object, parse(overlay));
        object.with("metadata").put("name", name);
        return object;
    }

    /** RFC 7386 merge of {@code patch} into {@code target}: objects merge, null deletes, the rest replaces. */
    private static ObjectNode merge(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
        return target;
    }

    private static ObjectNode parse(String yaml) {
        try {
            return (ObjectNode) Json.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
