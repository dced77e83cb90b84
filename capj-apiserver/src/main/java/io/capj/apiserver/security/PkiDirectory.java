package io.capj.apiserver.security;

import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of {@code DATA_DIR/pki} and the rules for reusing, creating and renewing them. Keys are always
 * written before their certificate, so a certificate on disk means its key was completely written: a crash
 * in between leaves a key that does not match, which is detected and re-issued on the next start.
 */
final class PkiDirectory {
    static final String DIRECTORY = "pki";
    static final String CA_CERT = "ca.crt";
    static final String CA_KEY = "ca.key";
    static final String SERVING_CERT = "server.crt";
    static final String SERVING_KEY = "server.key";
    static final String ADMIN_CERT = "admin.crt";
    static final String ADMIN_KEY = "admin.key";
    static final String TOKEN_FILE = "tokens.csv";

    static final String CA_NAME = "capj-ca";
    static final String SERVING_NAME = "capj-apiserver";
    static final String ADMIN_USER = "capj-admin";
    static final List<String> SERVING_IPS = List.of("127.0.0.1", "::1");
    static final List<String> SERVING_DNS = List.of("localhost");

    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(PkiDirectory.class);

    private final Path dir;
    private final Clock clock;

    PkiDirectory(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Pki loadOrCreate() throws IOException {
        SecureFiles.createPrivateDirectories(dir);
        Instant now = clock.instant();
        // A first start needs three RSA keys; the leaf keys are searched for while the CA's is.
        boolean firstStart = Files.notExists(dir.resolve(CA_CERT));
        Supplier<KeyPair> servingKeys = firstStart ? inBackground() : CertificateIssuer::newKeyPair;
        Supplier<KeyPair> adminKeys = firstStart ? inBackground() : CertificateIssuer::newKeyPair;
        CertifiedKey ca = loadOrCreateCa(now);
        CertificateIssuer issuer = new CertificateIssuer(ca);
        CertifiedKey serving = loadOrIssue(SERVING_CERT, SERVING_KEY, issuer, now, this::servingNamesMissing,
                () -> issuer.issueServing(SERVING_NAME, SERVING_IPS, SERVING_DNS, servingKeys.get(), now, LEAF_VALIDITY));
        CertifiedKey admin = loadOrIssue(ADMIN_CERT, ADMIN_KEY, issuer, now, certificate -> false,
                () -> issuer.issueClient(ADMIN_USER, List.of(UserInfo.MASTERS_GROUP), adminKeys.get(), now, LEAF_VALIDITY));
        return new Pki(dir, ca, serving, admin, loadOrCreateAdminToken());
    }

    /**
     * Makes {@code ca} this directory's CA: written when absent or different, so the leaf certificates are
     * re-issued by it on the next {@link #loadOrCreate()}.
     */
    void adopt(CertifiedKey ca) throws IOException {
        if (!ca.keysMatch()) {
            throw new IllegalArgumentException("the CA key does not belong to CA certificate "
                    + ca.certificate().getSubjectX500Principal());
        }
        SecureFiles.createPrivateDirectories(dir);
        if (Files.exists(dir.resolve(CA_CERT)) && read(CA_CERT, CA_KEY).certificate().equals(ca.certificate())) {
            return;
        }
        write(ca, CA_CERT, CA_KEY);
        LOG.info("adopted CA file={} subject={}", dir.resolve(CA_CERT), ca.certificate().getSubjectX500Principal());
    }

    /** Starts generating a key pair on its own daemon thread; {@code get()} waits for it. */
    private static Supplier<KeyPair> inBackground() {
        CompletableFuture<KeyPair> keys = CompletableFuture.supplyAsync(CertificateIssuer::newKeyPair, task -> {
            Thread thread = new Thread(task, "capj-pki-keygen");
            thread.setDaemon(true);
            thread.start();
        });
        return keys::join;
    }

    private CertifiedKey loadOrCreateCa(Instant now) throws IOException {
        Path certFile = dir.resolve(CA_CERT);
        if (Files.notExists(certFile)) {
            CertifiedKey ca = CertificateIssuer.selfSignedCa(CA_NAME, CertificateIssuer.newKeyPair(), now, CA_VALIDITY);
            write(ca, CA_CERT, CA_KEY);
            LOG.info("created cluster CA file={} notAfter={}", certFile, ca.certificate().getNotAfter().toInstant());
            return ca;
        }
        // An existing CA is never replaced automatically: that would silently break every kubeconfig.
        CertifiedKey ca = read(CA_CERT, CA_KEY);
        if (!ca.keysMatch()) {
            throw new IOException(dir.resolve(CA_KEY) + " does not hold the key of " + certFile
                    + "; restore it, or move " + dir + " away to create a new CA (existing kubeconfigs stop working)");
        }
        if (ca.expiresWithin(RENEW_BEFORE, now)) {
            LOG.warn("cluster CA expires soon; move the pki directory away to create a new one file={} notAfter={}",
                    certFile, ca.certificate().getNotAfter().toInstant());
        }
        return ca;
    }

    private CertifiedKey loadOrIssue(String certName, String keyName, CertificateIssuer issuer, Instant now,
                                     Predicate<X509Certificate> outdated, Supplier<CertifiedKey> issue)
            throws IOException {
        String reason = renewalReason(certName, keyName, issuer, now, outdated);
        if (reason == null) {
            return read(certName, keyName);
        }
        CertifiedKey issued = issue.get();
        write(issued, certName, keyName);
        LOG.info("issued certificate file={} reason={} notAfter={}", dir.resolve(certName), reason,
                issued.certificate().getNotAfter().toInstant());
        return issued;
    }

    /** Why the pair must be (re-)issued, or null when it can be reused as it is. */
    private String renewalReason(String certName, String keyName, CertificateIssuer issuer, Instant now,
                                 Predicate<X509Certificate> outdated) {
        if (Files.notExists(dir.resolve(certName))) {
            return "missing";
        }
        CertifiedKey existing;
        try {
            existing = read(certName, keyName);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        if (!existing.keysMatch()) {
            return "key does not match certificate";
        }
        if (!issuer.signed(existing.certificate())) {
            return "not signed by the current CA";
        }
        if (existing.expiresWithin(RENEW_BEFORE, now)) {
            return "expires within " + RENEW_BEFORE.toDays() + " days";
        }
        return outdated.test(existing.certificate()) ? "subject alternative names changed" : null;
    }

    private boolean servingNamesMissing(X509Certificate certificate) {
        try {
            Set<String> present = new HashSet<>();
            if (certificate.getSubjectAlternativeNames() != null) {
                certificate.getSubjectAlternativeNames().forEach(name -> present.add(String.valueOf(name.get(1))));
            }
            List<String> wanted = new ArrayList<>(SERVING_DNS);
            wanted.add("127.0.0.1");
            // The JDK renders ::1 in its long form.
            wanted.add("0:0:0:0:0:0:0:1");
            return !present.containsAll(wanted);
        } catch (CertificateParsingException e) {
            return true;
        }
    }

    private String loadOrCreateAdminToken() throws IOException {
        Path file = dir.resolve(TOKEN_FILE);
        List<StaticTokenFile.Entry> entries = StaticTokenFile.readEntries(file);
        for (StaticTokenFile.Entry entry : entries) {
            if (entry.user().name().equals(ADMIN_USER) && entry.user().inGroup(UserInfo.MASTERS_GROUP)) {
                return entry.token();
            }
        }
        // 32 random bytes, as kubeadm's bootstrap secrets: far beyond guessing range.
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(Pki.randomBytes(32));
        StaticTokenFile.Entry admin = new StaticTokenFile.Entry(token,
                new UserInfo(ADMIN_USER, UUID.randomUUID().toString(), List.of(UserInfo.MASTERS_GROUP)));
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        SecureFiles.writeAtomically(file,
                (existing + separator + StaticTokenFile.format(admin)).getBytes(StandardCharsets.UTF_8));
        LOG.info("created admin bearer token file={} user={}", file, ADMIN_USER);
        return token;
    }

    private CertifiedKey read(String certName, String keyName) throws IOException {
        Path certFile = dir.resolve(certName);
        Path keyFile = dir.resolve(keyName);
        X509Certificate certificate;
        try {
            certificate = PemCodec.parseCertificate(Files.readString(certFile, StandardCharsets.US_ASCII));
        } catch (CertificateException e) {
            throw new IOException("cannot parse certificate " + certFile + ": " + e.getMessage(), e);
        }
        try {
            return new CertifiedKey(certificate, PemCodec.parsePrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException e) {
            throw new IOException("missing private key " + keyFile + " for " + certFile, e);
        } catch (IOException e) {
            throw new IOException("cannot parse private key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private void write(CertifiedKey pair, String certName, String keyName) throws IOException {
        SecureFiles.writeAtomically(dir.resolve(keyName),
                PemCodec.encodePrivateKey(pair.privateKey()).getBytes(StandardCharsets.US_ASCII));
        SecureFiles.writeAtomically(dir.resolve(certName),
                PemCodec.encodeCertificate(pair.certificate()).getBytes(StandardCharsets.US_ASCII));
    }
}
