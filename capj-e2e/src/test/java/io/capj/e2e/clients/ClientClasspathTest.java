package io.capj.e2e.clients;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The server and the official Java client share one classpath in these tests (and in any user's test that
 * embeds capj). Both bring protobuf: the server's CEL (dev.cel, generated with protobuf 4.35) and client-java's
 * protobuf models (generated with 4.31, and client-java pins the 4.31 runtime). With the older runtime CEL's
 * classes refuse to load ("gencode 4.35.1, runtime 4.31.0"); capj-e2e's POM excludes client-java's pin so the
 * newer runtime serves both. This guards that exclusion.
 */
class ClientClasspathTest {

    @Test
    void celAndClientJavaProtobufClassesLoadSideBySide() {
        assertThatCode(() -> {
            Class.forName("dev.cel.expr.Type");
            Class.forName("io.kubernetes.client.proto.V1$ConfigMap");
        }).doesNotThrowAnyException();
    }
}
