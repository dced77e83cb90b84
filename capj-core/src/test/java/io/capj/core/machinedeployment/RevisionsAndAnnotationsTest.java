package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revision and replicas annotations, after upstream's mdutil revision and annotation tests. */
class RevisionsAndAnnotationsTest {

    private static MachineSetView withRevision(String name, String revision) {
        return MachineSetView.of(name, Instant.EPOCH, 1, 1).withAnnotation(CoreAnnotations.RevisionAnnotation, revision);
    }

    @Test
    void nextRevisionIsMaxPlusOne() {
        List<MachineSetView> old = List.of(withRevision("a", "1"), withRevision("b", "3"), withRevision("c", "2"));

        assertThat(Revisions.maxRevision(old)).isEqualTo(3);
        assertThat(Revisions.nextRevision(old)).isEqualTo(4);
        assertThat(Revisions.nextRevision(List.of())).isEqualTo(1);
    }

    @Test
    void missingOrGarbledRevisionCountsAsZero() {
        assertThat(Revisions.revision(Map.of())).isZero();
        assertThat(Revisions.revision(Map.of(CoreAnnotations.RevisionAnnotation, "x"))).isZero();
        assertThat(Revisions.nextRevision(List.of(withRevision("a", "x")))).isEqualTo(1);
    }

    @Test
    void newSetRevisionOnlyMovesForward() {
        MachineSetView bare = MachineSetView.of("n", Instant.EPOCH, 0, 0);

        assertThat(Revisions.withRevision(bare, 4).annotations()).containsEntry(CoreAnnotations.RevisionAnnotation, "4");
        assertThat(Revisions.withRevision(withRevision("n", "2"), 5).annotations())
                .containsEntry(CoreAnnotations.RevisionAnnotation, "5");
        assertThat(Revisions.withRevision(withRevision("n", "7"), 5).annotations())
                .containsEntry(CoreAnnotations.RevisionAnnotation, "7");
    }

    @Test
    void replicasAnnotationsCarryReplicasAndReplicasPlusSurge() {
        DeploymentView md = new DeploymentView("md", 10, RolloutStrategy.rollingUpdate(IntOrPercent.of("25%"),
                IntOrPercent.of(0)), 10);
        MachineSetView ms = MachineSetView.of("ms", Instant.EPOCH, 3, 3);

        assertThat(ReplicasAnnotations.needUpdate(ms, md)).isTrue();
        MachineSetView stamped = ReplicasAnnotations.apply(ms, md);
        assertThat(stamped.annotations())
                .containsEntry(CoreAnnotations.DesiredReplicasAnnotation, "10")
                .containsEntry(CoreAnnotations.MaxReplicasAnnotation, "13");
        assertThat(ReplicasAnnotations.needUpdate(stamped, md)).isFalse();
        assertThat(ReplicasAnnotations.needUpdate(stamped, md.withReplicas(11))).isTrue();
        assertThat(ReplicasAnnotations.maxReplicasOf(stamped)).hasValue(13);
    }

    @Test
    void onDeleteMaxReplicasHasNoSurge() {
        DeploymentView md = new DeploymentView("md", 4, RolloutStrategy.onDelete(), 4);

        assertThat(ReplicasAnnotations.maxReplicas(md)).isEqualTo(4);
    }
}
