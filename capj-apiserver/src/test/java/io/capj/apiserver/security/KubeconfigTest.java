package io.capj.apiserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path shared;
    static Pki pki;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createPki() throws IOException {
        pki = Pki.loadOrCreate(shared);
    }

    @Test
    void certificateKubeconfigNamesClusterUserAndCurrentContext() throws IOException {
        Path file = tmp.resolve("admin.kubeconfig");

        Kubeconfig.write(file, "https://127.0.0.1:6443", pki);

        JsonNode config = YAML.readTree(file.toFile());
        assertThat(config.path("kind").asText()).isEqualTo("Config");
        assertThat(config.path("current-context").asText()).isEqualTo("capj");
        JsonNode cluster = config.path("clusters").path(0);
        assertThat(cluster.path("name").asText()).isEqualTo("capj");
        assertThat(cluster.path("cluster").path("server").asText()).isEqualTo("https://127.0.0.1:6443");
        assertThat(decode(cluster.path("cluster").path("certificate-authority-data"))).isEqualTo(pki.caPem());
        JsonNode user = config.path("users").path(0);
        assertThat(user.path("name").asText()).isEqualTo("capj-admin");
        assertThat(decode(user.path("user").path("client-certificate-data"))).isEqualTo(pki.adminCertificatePem());
        assertThat(decode(user.path("user").path("client-key-data")))
                .startsWith("-----BEGIN RSA PRIVATE KEY-----").isEqualTo(pki.adminKeyPem());
        JsonNode context = config.path("contexts").path(0);
        assertThat(context.path("name").asText()).isEqualTo("capj");
        assertThat(context.path("context").path("cluster").asText()).isEqualTo("capj");
        assertThat(context.path("context").path("user").asText()).isEqualTo("capj-admin");
        assertThat(context.path("context").path("namespace").asText()).isEqualTo("default");
    }

    @Test
    void tokenKubeconfigCarriesTheBearerTokenAndNoKey() throws IOException {
        Path file = tmp.resolve("token.kubeconfig");

        Kubeconfig.writeWithToken(file, "https://127.0.0.1:6443", pki, pki.adminToken());

        JsonNode user = YAML.readTree(file.toFile()).path("users").path(0);
        assertThat(user.path("user").path("token").asText()).isEqualTo(pki.adminToken());
        assertThat(user.path("user").has("client-key-data")).isFalse();
    }

    @Test
    void rewritingReplacesTheFileOwnerOnlyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("admin.kubeconfig");
        Kubeconfig.write(file, "https://127.0.0.1:1111", pki);

        Kubeconfig.write(file, "https://127.0.0.1:2222", pki);

        assertThat(YAML.readTree(file.toFile()).path("clusters").path(0).path("cluster").path("server").asText())
                .isEqualTo("https://127.0.0.1:2222");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.US_ASCII);
    }
}
