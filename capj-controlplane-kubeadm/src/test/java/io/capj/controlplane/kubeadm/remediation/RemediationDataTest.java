package io.capj.controlplane.kubeadm.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemediationDataTest {

    @Test
    void roundTripsThroughTheAnnotationJson() {
        RemediationData data = RemediationData.of("m1", Instant.parse("2026-06-01T12:00:00.750Z"), 2);
        String value = data.toAnnotation();
        assertThat(value).isEqualTo("{\"machine\":\"m1\",\"timestamp\":\"2026-06-01T12:00:00Z\",\"retryCount\":2}");
        assertThat(RemediationData.fromAnnotation(value))
                .isEqualTo(RemediationData.of("m1", Instant.parse("2026-06-01T12:00:00Z"), 2));
    }

    @Test
    void readsUpstreamValuesWithMissingFields() {
        assertThat(RemediationData.fromAnnotation("{\"machine\":\"m1\"}"))
                .isEqualTo(new RemediationData("m1", Optional.empty(), 0));
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> RemediationData.fromAnnotation("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemediationData.fromAnnotation("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
