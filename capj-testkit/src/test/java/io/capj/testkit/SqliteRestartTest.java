package io.capj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

/** With the SQLite store, a restart keeps objects, the port and the revision sequence. */
@CapjServer(store = CapjServer.Store.SQLITE)
class SqliteRestartTest {

    @Test
    void restartKeepsObjectsAndContinuesRevisions(CapjServerHandle server) {
        int port = server.port();
        ConfigMap before = server.client().configMaps().inNamespace("default")
                .resource(CapjServerExtensionTest.configMap("kept")).create();

        server.restart();

        assertThat(server.port()).isEqualTo(port);
        ConfigMap after = server.client().configMaps().inNamespace("default").withName("kept").get();
        assertThat(after.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
        ConfigMap next = server.client().configMaps().inNamespace("default")
                .resource(CapjServerExtensionTest.configMap("next")).create();
        assertThat(Long.parseLong(next.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(before.getMetadata().getResourceVersion()));
    }
}
