package io.capj.apiserver.security;

import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;

/**
 * The plane's credentials, kept in {@code DATA_DIR/pki/} and created on first start: the cluster CA
 * ({@code ca.crt}/{@code ca.key}, CN {@code capj-ca}, 10 years), the serving certificate of
 * the HTTPS listener ({@code server.crt}/{@code server.key}), the admin client certificate
 * ({@code admin.crt}/{@code admin.key}, CN {@code capj-admin}, O {@code system:masters}) and
 * the static token file {@code tokens.csv} holding the admin bearer token.
 *
 * <p>Existing files are reused byte for byte, so a restart keeps the CA and every kubeconfig handed out
 * stays valid; only the two leaf certificates are re-issued, when they expire within 30 days or were not
 * signed by the current CA. Everything holding a key or token is written 0600 (directories 0700).
 */
public final class Pki {
    private static final String KEY_ALIAS = "capj-apiserver";
    private static final String CA_ALIAS = "capj-ca";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final CertifiedKey ca;
    private final CertifiedKey serving;
    private final CertifiedKey admin;
    private final String adminToken;
    private final char[] keyPassword;

    Pki(Path directory, CertifiedKey ca, CertifiedKey serving, CertifiedKey admin, String adminToken) {
        this.directory = directory;
        this.ca = ca;
        this.serving = serving;
        this.admin = admin;
        this.adminToken = adminToken;
        // The key stores live only in memory; the password just satisfies the KeyStore API.
        this.keyPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18)).toCharArray();
    }

    /** Loads {@code dataDir/pki}, creating or renewing what is missing or due, with the system clock. */
    public static Pki loadOrCreate(Path dataDir) throws IOException {
        return loadOrCreate(dataDir, Clock.systemUTC());
    }

    /**
     * Loads {@code dataDir/pki}, creating or renewing what is missing or due at {@code clock}'s instant.
     *
     * @throws IOException when the directory cannot be written or an existing CA cannot be read; the message
     *                     names the file
     */
    public static Pki loadOrCreate(Path dataDir, Clock clock) throws IOException {
        return new PkiDirectory(dataDir.resolve(PkiDirectory.DIRECTORY), clock).loadOrCreate();
    }

    /**
     * Loads {@code dataDir/pki} with {@code ca} as its CA instead of a generated one (a workload cluster's
     * endpoint serves with its cluster CA): the CA files are replaced when they differ, and the serving and
     * admin certificates are issued by it.
     *
     * @throws IllegalArgumentException when the key does not belong to the certificate
     */
    public static Pki loadOrCreate(Path dataDir, CertifiedKey ca) throws IOException {
        PkiDirectory directory = new PkiDirectory(dataDir.resolve(PkiDirectory.DIRECTORY), Clock.systemUTC());
        directory.adopt(ca);
        return directory.loadOrCreate();
    }

    /** The directory holding the PEM files and the token file. */
    public Path directory() {
        return directory;
    }

    /** The static token file ({@code tokens.csv}) that the {@link Authenticator} reads. */
    public Path tokenFile() {
        return directory.resolve(PkiDirectory.TOKEN_FILE);
    }

    /** The cluster CA: issuer of the serving and client certificates, and the only issuer clients are trusted from. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The CA certificate as PEM, as kubeconfig's {@code certificate-authority-data} carries it. */
    public String caPem() {
        return PemCodec.encodeCertificate(ca.certificate());
    }

    /** The HTTPS listener's certificate (SANs 127.0.0.1, ::1, localhost). */
    public X509Certificate servingCertificate() {
        return serving.certificate();
    }

    /** The client certificate of {@code capj-admin} (O {@code system:masters}). */
    public X509Certificate adminCertificate() {
        return admin.certificate();
    }

    /** {@link #adminCertificate()} as PEM. */
    public String adminCertificatePem() {
        return PemCodec.encodeCertificate(admin.certificate());
    }

    /** The admin client key as PKCS#1 PEM ({@code RSA PRIVATE KEY}), as it goes into a kubeconfig. */
    public String adminKeyPem() {
        return PemCodec.encodePrivateKey(admin.privateKey());
    }

    /** The bearer token of {@code capj-admin} (group {@code system:masters}). */
    public String adminToken() {
        return adminToken;
    }

    /** A fresh in-memory PKCS#12 store with the serving key and its chain (serving certificate, CA). */
    public KeyStore serverKeyStore() {
        return keyStore(serving);
    }

    /** A fresh in-memory PKCS#12 store with the admin client key and its chain, for test and bench clients. */
    public KeyStore adminKeyStore() {
        return keyStore(admin);
    }

    /** The password of the keys in {@link #serverKeyStore()} and {@link #adminKeyStore()} (a copy). */
    public char[] keyPassword() {
        return keyPassword.clone();
    }

    /** A fresh in-memory store trusting only the cluster CA: verifies client certificates, or the server. */
    public KeyStore clientTrustStore() {
        try {
            KeyStore store = emptyStore();
            store.setCertificateEntry(CA_ALIAS, ca.certificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build trust store", e);
        }
    }

    /** For tests in this package that mint their own client certificates. */
    PrivateKey caPrivateKey() {
        return ca.privateKey();
    }

    private KeyStore keyStore(CertifiedKey entry) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry(KEY_ALIAS, entry.privateKey(), keyPassword,
                    new Certificate[] {entry.certificate(), ca.certificate()});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build key store for " + entry.certificate().getSubjectX500Principal(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
