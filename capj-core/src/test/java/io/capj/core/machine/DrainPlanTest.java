package io.capj.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which Pods a drain evicts, waits for or leaves alone. */
class DrainPlanTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    enum Outcome { EVICT, TERMINATING, WAIT_COMPLETED, SKIPPED }

    static Stream<Arguments> pods() {
        return Stream.of(
                Arguments.of("plain pod", pod().build(), false, Outcome.EVICT),
                Arguments.of("DaemonSet pod", pod().editMetadata().addNewOwnerReference().withKind("DaemonSet")
                        .withApiVersion("apps/v1").withName("ds").withUid("u").withController(true)
                        .endOwnerReference().endMetadata().build(), false, Outcome.SKIPPED),
                Arguments.of("finished DaemonSet pod", pod().editMetadata().addNewOwnerReference().withKind("DaemonSet")
                        .withApiVersion("apps/v1").withName("ds").withUid("u").withController(true)
                        .endOwnerReference().endMetadata().withNewStatus().withPhase("Succeeded").endStatus().build(),
                        false, Outcome.EVICT),
                Arguments.of("ReplicaSet pod", pod().editMetadata().addNewOwnerReference().withKind("ReplicaSet")
                        .withApiVersion("apps/v1").withName("rs").withUid("u").withController(true)
                        .endOwnerReference().endMetadata().build(), false, Outcome.EVICT),
                Arguments.of("mirror pod", pod().editMetadata().addToAnnotations(DrainPlan.MIRROR_POD_ANNOTATION, "x")
                        .endMetadata().build(), false, Outcome.SKIPPED),
                Arguments.of("drain=skip", pod().editMetadata().addToLabels("cluster.x-k8s.io/drain", "skip")
                        .endMetadata().build(), false, Outcome.SKIPPED),
                Arguments.of("drain=WaitCompleted running", pod().editMetadata()
                        .addToLabels("cluster.x-k8s.io/drain", "WaitCompleted").endMetadata().build(), false,
                        Outcome.WAIT_COMPLETED),
                Arguments.of("drain=WaitCompleted finished", pod().editMetadata()
                        .addToLabels("cluster.x-k8s.io/drain", "WaitCompleted").endMetadata().withNewStatus()
                        .withPhase("Failed").endStatus().build(), false, Outcome.SKIPPED),
                Arguments.of("terminating", pod().editMetadata().withDeletionTimestamp("2026-01-01T00:09:00Z")
                        .endMetadata().build(), false, Outcome.TERMINATING),
                Arguments.of("terminating on unreachable node", pod().editMetadata()
                        .withDeletionTimestamp("2026-01-01T00:09:00Z").endMetadata().build(), true, Outcome.SKIPPED),
                Arguments.of("just terminating on unreachable node", pod().editMetadata()
                        .withDeletionTimestamp("2026-01-01T00:10:00Z").endMetadata().build(), true, Outcome.TERMINATING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void classifiesEachPod(String description, Pod pod, boolean unreachable, Outcome expected) {
        DrainPlan plan = DrainPlan.of(List.of(pod), unreachable, NOW);

        List<Pod> bucket = switch (expected) {
            case EVICT -> plan.evict();
            case TERMINATING -> plan.terminating();
            case WAIT_COMPLETED -> plan.waitCompleted();
            case SKIPPED -> plan.skipped();
        };
        assertThat(bucket).containsExactly(pod);
        assertThat(plan.isEmpty()).isEqualTo(expected == Outcome.SKIPPED);
    }

    @org.junit.jupiter.api.Test
    void listsAtMostThreePodsInMessages() {
        List<Pod> pods = Stream.of("a", "b", "c", "d", "e").map(n -> pod().editMetadata().withName(n).endMetadata()
                .build()).toList();

        assertThat(DrainPlan.list(pods)).isEqualTo("ns/a, ns/b, ns/c, ... (2 more)");
    }

    private static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").endMetadata()
                .withNewSpec().withNodeName("n").endSpec();
    }
}
