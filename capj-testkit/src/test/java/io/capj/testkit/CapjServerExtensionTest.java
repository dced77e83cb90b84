package io.capj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Files;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension starts a real server, injects a working handle, and shares it with nested classes. */
@CapjServer
class CapjServerExtensionTest {

    @Test
    void injectsAHandleWhoseClientTalksToTheServer(CapjServerHandle server) {
        assertThat(server.url()).isEqualTo("https://127.0.0.1:" + server.port());
        assertThat(server.kubeconfig()).isRegularFile().startsWith(server.dataDir());

        ConfigMap created = server.client().configMaps().inNamespace("default")
                .resource(configMap("greeting")).create();

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(server.client().configMaps().inNamespace("default").withName("greeting").get().getData())
                .containsEntry("hello", "world");
    }

    @Test
    void refusesToRestartAMemoryStore(CapjServerHandle server) {
        assertThatThrownBy(server::restart)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQLITE");
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheEnclosingServer(CapjServerHandle server) {
            assertThat(Files.isDirectory(server.dataDir())).isTrue();
            assertThat(server.client().namespaces().withName("default").get()).isNotNull();
        }
    }

    static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                .addToData("hello", "world").build();
    }
}
