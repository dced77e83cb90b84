package io.capj.apiserver.security;

import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiTest {
    @TempDir
    Path tmp;

    @Test
    void firstStartCreatesCaAndCertificatesSignedByIt() throws Exception {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        Pki pki = Pki.loadOrCreate(tmp.resolve("data"), new MutableClock(now));

        X509Certificate ca = pki.caCertificate();
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=capj-ca");
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(ca.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(3650)));
        ca.verify(ca.getPublicKey());

        X509Certificate serving = pki.servingCertificate();
        serving.verify(ca.getPublicKey());
        assertThat(serving.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(serving.getBasicConstraints()).isEqualTo(-1);
        assertThat(serving.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(serving.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(serving.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(serving.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "localhost"));
        assertThat(serving.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(365)));

        X509Certificate admin = pki.adminCertificate();
        admin.verify(ca.getPublicKey());
        assertThat(admin.getSubjectX500Principal().getName()).isEqualTo("CN=capj-admin,O=system:masters");
        assertThat(admin.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(admin.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(365)));
    }

    @Test
    void secretsAreOwnerOnlyFilesInOwnerOnlyDirectories() throws IOException {
        Path data = tmp.resolve("data");
        Pki.loadOrCreate(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("pki"))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(data.resolve("pki"))) {
            assertThat(files.map(file -> file.getFileName() + " " + permissions(file)))
                    .containsExactlyInAnyOrder("ca.crt rw-------", "ca.key rw-------", "server.crt rw-------",
                            "server.key rw-------", "admin.crt rw-------", "admin.key rw-------",
                            "tokens.csv rw-------");
        }
    }

    @Test
    void keysAreWrittenAsPkcs1AndParseBack() throws Exception {
        Pki pki = Pki.loadOrCreate(tmp);

        for (String name : List.of("ca", "server", "admin")) {
            String pem = Files.readString(tmp.resolve("pki/" + name + ".key"));
            assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                Object parsed = parser.readObject();
                assertThat(parsed).isInstanceOf(PEMKeyPair.class);
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) new JcaPEMKeyConverter().getPrivateKey(
                        ((PEMKeyPair) parsed).getPrivateKeyInfo());
                X509Certificate cert = PemCodec.parseCertificate(Files.readString(tmp.resolve("pki/" + name + ".crt")));
                assertThat(key.getModulus()).isEqualTo(((RSAPublicKey) cert.getPublicKey()).getModulus());
            }
        }
        assertThat(pki.adminKeyPem()).isEqualTo(Files.readString(tmp.resolve("pki/admin.key")));
        assertThat(pki.caPem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                .isEqualTo(Files.readString(tmp.resolve("pki/ca.crt")));
    }

    @Test
    void pkcs8KeysAreReadToo() throws Exception {
        Pki pki = Pki.loadOrCreate(tmp);
        String pkcs8 = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pki.caPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertThat(PemCodec.parsePrivateKey(pkcs8)).isEqualTo(pki.caPrivateKey());
    }

    @Test
    void restartReusesEveryFileUnchanged() throws IOException {
        Pki first = Pki.loadOrCreate(tmp);
        Map<String, byte[]> before = contents(tmp.resolve("pki"));

        Pki second = Pki.loadOrCreate(tmp);

        assertThat(contents(tmp.resolve("pki"))).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(second.caPem()).isEqualTo(first.caPem());
        assertThat(second.adminToken()).isEqualTo(first.adminToken());
        assertThat(second.servingCertificate()).isEqualTo(first.servingCertificate());
    }

    @Test
    void leafCertificatesAreRenewedWithin30DaysOfExpiryAndTheCaIsKept() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        Pki original = Pki.loadOrCreate(tmp, clock);

        clock.advance(Duration.ofDays(334));
        Pki notYetDue = Pki.loadOrCreate(tmp, clock);
        assertThat(notYetDue.servingCertificate()).isEqualTo(original.servingCertificate());
        assertThat(notYetDue.adminCertificate()).isEqualTo(original.adminCertificate());

        clock.advance(Duration.ofDays(2));
        Pki renewed = Pki.loadOrCreate(tmp, clock);
        assertThat(renewed.caPem()).isEqualTo(original.caPem());
        assertThat(renewed.adminToken()).isEqualTo(original.adminToken());
        assertThat(renewed.servingCertificate()).isNotEqualTo(original.servingCertificate());
        assertThat(renewed.adminCertificate()).isNotEqualTo(original.adminCertificate());
        assertThat(renewed.servingCertificate().getNotAfter().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofDays(365)));
        renewed.servingCertificate().verify(original.caCertificate().getPublicKey());
        assertThat(Files.readString(tmp.resolve("pki/server.crt")))
                .isEqualTo(PemCodec.encodeCertificate(renewed.servingCertificate()));
    }

    @Test
    void aNewCaReissuesBothLeafCertificates() throws Exception {
        Pki original = Pki.loadOrCreate(tmp);
        Files.delete(tmp.resolve("pki/ca.crt"));
        Files.delete(tmp.resolve("pki/ca.key"));

        Pki withNewCa = Pki.loadOrCreate(tmp);

        assertThat(withNewCa.caPem()).isNotEqualTo(original.caPem());
        withNewCa.servingCertificate().verify(withNewCa.caCertificate().getPublicKey());
        withNewCa.adminCertificate().verify(withNewCa.caCertificate().getPublicKey());
        assertThat(withNewCa.adminToken()).isEqualTo(original.adminToken());
    }

    @Test
    void aLeafWhoseKeyDoesNotMatchIsReissued() throws Exception {
        Pki original = Pki.loadOrCreate(tmp);
        Files.copy(tmp.resolve("pki/admin.key"), tmp.resolve("pki/server.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Pki repaired = Pki.loadOrCreate(tmp);

        assertThat(repaired.servingCertificate()).isNotEqualTo(original.servingCertificate());
        assertThat(new CertifiedKey(repaired.servingCertificate(),
                PemCodec.parsePrivateKey(Files.readString(tmp.resolve("pki/server.key")))).keysMatch()).isTrue();
    }

    @Test
    void aCaKeyThatDoesNotMatchItsCertificateIsAnErrorNotANewCa() throws IOException {
        Pki.loadOrCreate(tmp);
        Files.copy(tmp.resolve("pki/admin.key"), tmp.resolve("pki/ca.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] caBefore = Files.readAllBytes(tmp.resolve("pki/ca.crt"));

        assertThatThrownBy(() -> Pki.loadOrCreate(tmp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(tmp.resolve("pki/ca.key").toString());
        assertThat(Files.readAllBytes(tmp.resolve("pki/ca.crt"))).isEqualTo(caBefore);
    }

    @Test
    void adminTokenIs32RandomBytesInUpstreamTokenFileFormat() throws IOException {
        Pki pki = Pki.loadOrCreate(tmp);

        assertThat(Base64.getUrlDecoder().decode(pki.adminToken())).hasSize(32);
        assertThat(Files.readString(tmp.resolve("pki/tokens.csv")))
                .matches(pki.adminToken() + ",capj-admin,[0-9a-f-]{36},\"system:masters\"\n");
    }

    @Test
    void anAdminTokenIsAppendedToATokenFileThatLacksOne() throws IOException {
        Files.createDirectories(tmp.resolve("pki"));
        Files.writeString(tmp.resolve("pki/tokens.csv"), "other-token,alice,u-1,\"devs,ops\"");

        Pki pki = Pki.loadOrCreate(tmp);

        assertThat(Files.readAllLines(tmp.resolve("pki/tokens.csv")))
                .hasSize(2)
                .first().isEqualTo("other-token,alice,u-1,\"devs,ops\"");
        assertThat(Files.readAllLines(tmp.resolve("pki/tokens.csv")).get(1)).startsWith(pki.adminToken() + ",capj-admin,");
    }

    @Test
    void keyStoresHoldTheChainAndTheTrustStoreOnlyTheCa() throws Exception {
        Pki pki = Pki.loadOrCreate(tmp);

        KeyStore server = pki.serverKeyStore();
        String alias = server.aliases().nextElement();
        assertThat(server.getCertificateChain(alias)).containsExactly(pki.servingCertificate(), pki.caCertificate());
        assertThat(server.getKey(alias, pki.keyPassword())).isNotNull();

        KeyStore trust = pki.clientTrustStore();
        assertThat(trust.size()).isEqualTo(1);
        assertThat(trust.getCertificate(trust.aliases().nextElement())).isEqualTo(pki.caCertificate());
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedFailsNamingThePath() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> Pki.loadOrCreate(file.resolve("data")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
