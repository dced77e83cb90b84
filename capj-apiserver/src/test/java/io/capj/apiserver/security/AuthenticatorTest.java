package io.capj.apiserver.security;

import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticatorTest {
    @TempDir
    static Path shared;
    static Pki pki;
    static Pki otherPki;

    @TempDir
    Path tmp;
    MutableClock clock;
    Authenticator authenticator;

    @BeforeAll
    static void createPkis() throws IOException {
        pki = Pki.loadOrCreate(shared.resolve("a"));
        otherPki = Pki.loadOrCreate(shared.resolve("b"));
    }

    @BeforeEach
    void createAuthenticator() throws IOException {
        Path tokens = tmp.resolve("tokens.csv");
        Files.copy(pki.tokenFile(), tokens);
        clock = MutableClock.startingNow();
        authenticator = new Authenticator(pki.caCertificate(), tokens, clock);
    }

    @Test
    void adminClientCertificateIsCapjAdminInSystemMasters() {
        Optional<UserInfo> user = authenticator.authenticate(chain(pki.adminCertificate()), null);

        assertThat(user).contains(new UserInfo("capj-admin", "", List.of("system:masters", "system:authenticated")));
    }

    @Test
    void adminBearerTokenIsCapjAdminInSystemMasters() {
        UserInfo user = authenticator.authenticate(null, "Bearer " + pki.adminToken()).orElseThrow();

        assertThat(user.name()).isEqualTo("capj-admin");
        assertThat(user.uid()).isNotEmpty();
        assertThat(user.groups()).containsExactly("system:masters", "system:authenticated");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertThat(authenticator.authenticate(null, "bearer " + pki.adminToken())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer unknown-token", "Basic YWRtaW46YWRtaW4=",
        "Bearer  double-space", "Bearer a b"})
    void unknownOrMalformedTokensAreAnonymous(String header) {
        assertThat(authenticator.authenticate(null, header)).isEmpty();
    }

    @Test
    void noCredentialIsAnonymous() {
        assertThat(authenticator.authenticate(null, null)).isEmpty();
        assertThat(authenticator.authenticate(new X509Certificate[0], null)).isEmpty();
    }

    @Test
    void aCertificateFromAnotherCaIsRejected() {
        assertThat(authenticator.authenticate(chain(otherPki.adminCertificate()), null)).isEmpty();
    }

    @Test
    void anExpiredCertificateIsRejected() {
        CertificateIssuer issuer = new CertificateIssuer(new CertifiedKey(pki.caCertificate(), pki.caPrivateKey()));
        CertifiedKey expired = issuer.issueClient("old", List.of("team"), CertificateIssuer.newKeyPair(),
                Instant.now().minus(Duration.ofDays(10)), Duration.ofDays(1));

        assertThat(authenticator.authenticate(chain(expired.certificate()), null)).isEmpty();
    }

    @Test
    void aValidCertificateIsRejectedOnceItsValidityEnds() {
        clock.advance(Duration.ofDays(366));

        assertThat(authenticator.authenticate(chain(pki.adminCertificate()), null)).isEmpty();
    }

    @Test
    void aServingCertificateIsNotAClientCredential() {
        assertThat(authenticator.authenticate(chain(pki.servingCertificate()), null)).isEmpty();
    }

    @Test
    void groupsComeFromEveryOrganization() {
        CertificateIssuer issuer = new CertificateIssuer(new CertifiedKey(pki.caCertificate(), pki.caPrivateKey()));
        CertifiedKey alice = issuer.issueClient("alice", List.of("devs", "ops"), CertificateIssuer.newKeyPair(),
                Instant.now(), Duration.ofDays(1));

        assertThat(authenticator.authenticate(chain(alice.certificate()), null))
                .contains(new UserInfo("alice", "", List.of("devs", "ops", "system:authenticated")));
    }

    @Test
    void aRejectedCertificateStillLetsAValidTokenThrough() {
        Optional<UserInfo> user = authenticator.authenticate(chain(otherPki.adminCertificate()),
                "Bearer " + pki.adminToken());

        assertThat(user.map(UserInfo::name)).contains("capj-admin");
    }

    @Test
    void tokensAddedToTheFileAreAcceptedAfterTheRecheckInterval() throws IOException {
        Files.writeString(tmp.resolve("tokens.csv"), "new-token,bob,u-2\n", StandardOpenOption.APPEND);
        assertThat(authenticator.authenticate(null, "Bearer new-token")).as("before the recheck").isEmpty();

        clock.advance(StaticTokenFile.RECHECK_INTERVAL.plusMillis(1));

        assertThat(authenticator.authenticate(null, "Bearer new-token"))
                .contains(new UserInfo("bob", "u-2", List.of("system:authenticated")));
        assertThat(authenticator.authenticate(null, "Bearer " + pki.adminToken())).isPresent();
    }

    @Test
    void aBrokenEditKeepsThePreviousTokens() throws IOException {
        Files.writeString(tmp.resolve("tokens.csv"), "half-written\n", StandardOpenOption.APPEND);
        clock.advance(Duration.ofSeconds(5));

        assertThat(authenticator.authenticate(null, "Bearer " + pki.adminToken())).isPresent();
    }

    @Test
    void aMalformedTokenFileFailsAtStartNamingTheLine() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.csv"), "t1,alice,u1\nt2,bob\n");

        assertThatThrownBy(() -> new Authenticator(pki.caCertificate(), broken, clock))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(broken + ":2");
    }

    private static X509Certificate[] chain(X509Certificate leaf) {
        return new X509Certificate[] {leaf};
    }
}
