package io.capj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the SQLite store, a restart keeps objects, the port and the revision sequence. Also shows constructor
 * injection into a per-class test instance, which JUnit creates before the extension's beforeAll runs.
 */
@CapjServer(store = CapjServer.Store.SQLITE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteRestartTest {
    private final CapjServerHandle server;

    SqliteRestartTest(CapjServerHandle server) {
        this.server = server;
    }

    @Test
    void restartKeepsObjectsAndContinuesRevisions() {
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
