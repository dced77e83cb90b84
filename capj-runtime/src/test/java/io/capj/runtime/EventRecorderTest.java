package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events recorded through a manager land in the API server, referencing the object, as kubectl shows them. */
@CapjServer
class EventRecorderTest {

    @Test
    void recordsNormalAndWarningEventsAboutTypedAndTreeObjects(CapjServerHandle server) {
        ConfigMap cm = server.client().configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("evented").endMetadata().build()).create();
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        tree.putObject("metadata").put("name", "evented").put("namespace", "default")
                .put("uid", cm.getMetadata().getUid());

        try (Manager manager = Manager.builder(server.client()).eventComponent("test-controller").build()) {
            manager.events().normal(cm, "SuccessfulCreate", "Created machine m-1");
            manager.events().warning(tree, "FailedDelete", "Failed to delete machine m-2");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Event> events = server.client().v1().events().inNamespace("default").list().getItems().stream()
                        .filter(e -> "evented".equals(e.getInvolvedObject().getName())).toList();
                assertThat(events).extracting(Event::getReason, Event::getType, Event::getMessage)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("SuccessfulCreate", "Normal", "Created machine m-1"),
                                org.assertj.core.groups.Tuple.tuple("FailedDelete", "Warning",
                                        "Failed to delete machine m-2"));
                assertThat(events).allSatisfy(e -> {
                    assertThat(e.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
                    assertThat(e.getInvolvedObject().getUid()).isEqualTo(cm.getMetadata().getUid());
                    assertThat(e.getSource().getComponent()).isEqualTo("test-controller");
                });
            });
        }
    }
}
