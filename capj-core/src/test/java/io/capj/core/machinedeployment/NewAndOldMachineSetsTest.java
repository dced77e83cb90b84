package io.capj.core.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which MachineSet is the new one, after upstream's mdutil FindNewAndOldMachineSets and MachineTemplateUpToDate. */
class NewAndOldMachineSetsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ObjectNode template(String version, String infraName) {
        ObjectNode template = Json.object();
        ObjectNode spec = template.putObject("spec").put("version", version).put("clusterName", "c1");
        spec.putObject("infrastructureRef").put("apiGroup", "infrastructure.cluster.x-k8s.io")
                .put("kind", "TestInfraMachineTemplate").put("name", infraName);
        spec.putObject("bootstrap").put("dataSecretName", "data");
        return template;
    }

    private static ObjectNode ms(String name, Instant created, int replicas, ObjectNode template) {
        ObjectNode ms = Json.object();
        ms.putObject("metadata").put("name", name).put("creationTimestamp", created.toString());
        ms.putObject("spec").put("replicas", replicas).set("template", template);
        return ms;
    }

    private static ObjectNode md(ObjectNode template, Instant rolloutAfter) {
        ObjectNode md = Json.object();
        md.putObject("metadata").put("name", "md");
        ObjectNode spec = md.putObject("spec");
        spec.set("template", template);
        if (rolloutAfter != null) {
            spec.putObject("rollout").put("after", rolloutAfter.toString());
        }
        return md;
    }

    @Test
    void inPlaceFieldsAndRefApiVersionsDoNotMakeAMachineSetOld() {
        ObjectNode current = template("v1.30.0", "infra");
        ObjectNode desired = template("v1.30.0", "infra");
        desired.putObject("metadata").putObject("labels").put("a", "b");
        ObjectNode spec = (ObjectNode) desired.get("spec");
        spec.put("minReadySeconds", 30).putArray("readinessGates").addObject().put("conditionType", "X");
        spec.putObject("deletion").put("nodeDrainTimeoutSeconds", 10);
        ((ObjectNode) spec.get("infrastructureRef")).put("apiVersion", "infrastructure.cluster.x-k8s.io/v1beta1");

        assertThat(MachineTemplates.rolloutReasons(current, desired)).isEmpty();
        assertThat(MachineTemplates.rolloutHash(current)).isEqualTo(MachineTemplates.rolloutHash(desired));
    }

    @Test
    void versionFailureDomainAndReferencesNeedARollout() {
        ObjectNode current = template("v1.30.0", "infra");
        ObjectNode desired = template("v1.31.0", "infra-2");
        ((ObjectNode) desired.get("spec")).put("failureDomain", "fd-1");

        assertThat(MachineTemplates.rolloutReasons(current, desired)).hasSize(3)
                .anySatisfy(r -> assertThat(r).startsWith("spec.version v1.30.0, v1.31.0 required"));
        assertThat(MachineTemplates.rolloutHash(current)).isNotEqualTo(MachineTemplates.rolloutHash(desired));
    }

    @Test
    void theUpToDateSetWithMostReplicasIsNew() {
        ObjectNode a = ms("a", T0, 1, template("v1.30.0", "infra"));
        ObjectNode b = ms("b", T0.plusSeconds(5), 2, template("v1.30.0", "infra"));
        ObjectNode c = ms("c", T0, 3, template("v1.29.0", "infra"));

        NewAndOldMachineSets split = NewAndOldMachineSets.classify(md(template("v1.30.0", "infra"), null),
                List.of(a, b, c), T0.plusSeconds(60));

        assertThat(MachineSetJson.name(split.newSet())).isEqualTo("b");
        assertThat(split.oldSets()).extracting(MachineSetJson::name).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void oncePassedRolloutAfterOnlyALaterSetQualifies() {
        Instant after = T0.plusSeconds(10);
        ObjectNode before = ms("before", T0, 2, template("v1.30.0", "infra"));
        ObjectNode md = md(template("v1.30.0", "infra"), after);

        NewAndOldMachineSets notYet = NewAndOldMachineSets.classify(md, List.of(before), T0.plusSeconds(5));
        NewAndOldMachineSets passed = NewAndOldMachineSets.classify(md, List.of(before), T0.plusSeconds(20));
        ObjectNode later = ms("later", after, 0, template("v1.30.0", "infra"));
        NewAndOldMachineSets restarted = NewAndOldMachineSets.classify(md, List.of(before, later), T0.plusSeconds(20));

        assertThat(MachineSetJson.name(notYet.newSet())).isEqualTo("before");
        assertThat(passed.newSet()).isNull();
        assertThat(passed.createReason()).contains("spec.rollout.after");
        assertThat(MachineSetJson.name(restarted.newSet())).isEqualTo("later");
        assertThat(restarted.oldSets()).extracting(MachineSetJson::name).containsExactly("before");
    }
}
