package io.capj.api.controlplane.kubeadm.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.apimachinery.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link KubeadmControlPlaneView} reads set fields and falls back to upstream's controller defaults. */
class KubeadmControlPlaneViewTest {

    @Test
    void unsetFieldsReadAsUpstreamDefaults() {
        KubeadmControlPlaneView kcp = KubeadmControlPlaneView.of(Json.parse("""
                {"spec":{"version":"v1.33.0"}}"""));

        assertThat(kcp.replicas()).isEmpty();
        assertThat(kcp.remediationMinHealthyPeriodSeconds()).isEqualTo(3600);
        assertThat(kcp.machineNamingTemplate()).isEqualTo("{{ .kubeadmControlPlane.name }}-{{ .random }}");
        assertThat(kcp.externalEtcd()).isFalse();
        assertThat(kcp.infrastructureRef()).isEmpty();
        assertThat(kcp.status().controlPlaneInitialized()).isFalse();
        assertThat(kcp.status().lastRemediation()).isEmpty();
    }

    @Test
    void setFieldsAreRead() {
        KubeadmControlPlaneView kcp = KubeadmControlPlaneView.of(Json.parse("""
                {"spec":{"replicas":3,"version":"v1.33.0",
                  "machineTemplate":{"spec":{"infrastructureRef":{"apiGroup":"g","kind":"K","name":"n"},
                    "deletion":{"nodeDrainTimeoutSeconds":30}}},
                  "kubeadmConfigSpec":{"clusterConfiguration":{"etcd":{"external":{"endpoints":["e"]}}}},
                  "rollout":{"before":{"certificatesExpiryDays":21},"strategy":{"rollingUpdate":{"maxSurge":0}}},
                  "remediation":{"maxRetry":5,"minHealthyPeriodSeconds":60},
                  "machineNaming":{"template":"{{ .cluster.name }}-{{ .random }}"}},
                 "status":{"initialization":{"controlPlaneInitialized":true},"replicas":3,"readyReplicas":2,
                  "version":"v1.32.0","lastRemediation":{"machine":"m1","time":"2025-01-01T00:00:00Z","retryCount":2}}}
                """));

        assertThat(kcp.replicas()).hasValue(3);
        assertThat(kcp.infrastructureRef()).hasValueSatisfying(ref -> assertThat(ref.name()).isEqualTo("n"));
        assertThat(kcp.nodeDrainTimeoutSeconds()).hasValue(30);
        assertThat(kcp.externalEtcd()).isTrue();
        assertThat(kcp.rolloutBeforeCertificatesExpiryDays()).hasValue(21);
        assertThat(kcp.maxSurge().asInt(-1)).isZero();
        assertThat(kcp.remediationMaxRetry()).hasValue(5);
        assertThat(kcp.remediationMinHealthyPeriodSeconds()).isEqualTo(60);
        assertThat(kcp.machineNamingTemplate()).isEqualTo("{{ .cluster.name }}-{{ .random }}");
        assertThat(kcp.status().controlPlaneInitialized()).isTrue();
        assertThat(kcp.status().counters().readyReplicas()).isEqualTo(2);
        assertThat(kcp.status().version()).hasValue("v1.32.0");
        assertThat(kcp.status().lastRemediation()).hasValue(
                new KubeadmControlPlaneView.LastRemediation("m1", "2025-01-01T00:00:00Z", 2));
    }

    @Test
    void derivedAccessorsApplyTheControllerDefaults() {
        KubeadmControlPlaneView unset = KubeadmControlPlaneView.of(Json.parse("""
                {"spec":{"version":"v1.33.0"}}"""));

        assertThat(unset.maxSurgeCount()).isEqualTo(1);
        assertThat(unset.infrastructureTemplateGroupKind()).isEmpty();
        assertThat(unset.rolloutAfter()).isEmpty();
        assertThat(unset.status().certificatesAvailable()).isFalse();
    }

    @Test
    void derivedAccessorsReadSetFields() {
        KubeadmControlPlaneView kcp = KubeadmControlPlaneView.of(Json.parse("""
                {"spec":{"machineTemplate":{"spec":{"infrastructureRef":
                    {"apiGroup":"infrastructure.cluster.x-k8s.io","kind":"DevMachineTemplate","name":"t"}}},
                  "rollout":{"after":"2026-01-02T03:04:05Z","strategy":{"rollingUpdate":{"maxSurge":"0"}}}},
                 "status":{"conditions":[{"type":"CertificatesAvailable","status":"True"}]}}
                """));
        KubeadmControlPlaneView coreGroup = KubeadmControlPlaneView.of(Json.parse("""
                {"spec":{"machineTemplate":{"spec":{"infrastructureRef":{"kind":"K","name":"t"}}},
                  "rollout":{"after":"not a time","strategy":{"rollingUpdate":{"maxSurge":"50%"}}}},
                 "status":{"conditions":[{"type":"CertificatesAvailable","status":"Unknown"}]}}
                """));

        assertThat(kcp.maxSurgeCount()).isZero();
        assertThat(kcp.infrastructureTemplateGroupKind())
                .isEqualTo("DevMachineTemplate.infrastructure.cluster.x-k8s.io");
        assertThat(kcp.rolloutAfter()).hasValue(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(kcp.status().certificatesAvailable()).isTrue();
        assertThat(coreGroup.maxSurgeCount()).isEqualTo(1);
        assertThat(coreGroup.infrastructureTemplateGroupKind()).isEqualTo("K");
        assertThat(coreGroup.rolloutAfter()).isEmpty();
        assertThat(coreGroup.status().certificatesAvailable()).isFalse();
    }
}
