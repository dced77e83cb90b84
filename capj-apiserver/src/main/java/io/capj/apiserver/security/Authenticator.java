package io.capj.apiserver.security;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Maps a request's credential to a user, as kube-apiserver's x509 and token-file authenticators do. A client
 * certificate is tried first: it must be signed directly by the cluster CA, valid now, and usable for client
 * authentication; its {@code CN} is the user and each {@code O} a group. Otherwise an
 * {@code Authorization: Bearer} token is looked up in the static token file. Every user found also gets
 * {@code system:authenticated}. Anything else is anonymous: the caller answers 401.
 *
 * <p>The TLS layer has usually verified the certificate already; it is verified again here so that the
 * identity never depends on how the listener was configured. Successful signature checks are remembered,
 * since a connection presents the same certificate object on every request.
 */
public final class Authenticator {
    private static final int MAX_REMEMBERED_CERTIFICATES = 1024;
    private static final String CLIENT_AUTH = KeyPurposeId.id_kp_clientAuth.getId();
    private static final String ANY_PURPOSE = KeyPurposeId.anyExtendedKeyUsage.getId();

    private final X509Certificate ca;
    private final StaticTokenFile tokens;
    private final Clock clock;
    private final Set<X509Certificate> verifiedSignatures = ConcurrentHashMap.newKeySet();

    /**
     * @param ca        the only issuer accepted for client certificates
     * @param tokenFile a static token file ({@code token,user,uid,"groups"}), re-read when it changes
     * @param clock     the time certificate validity is checked against
     * @throws IOException when the token file cannot be read or is malformed
     */
    public Authenticator(X509Certificate ca, Path tokenFile, Clock clock) throws IOException {
        this.ca = ca;
        this.clock = clock;
        try {
            this.tokens = new StaticTokenFile(tokenFile, clock);
        } catch (IllegalArgumentException malformed) {
            throw new IOException(malformed.getMessage(), malformed);
        }
    }

    /** An authenticator for the plane's own CA and token file. */
    public static Authenticator forPki(Pki pki) throws IOException {
        return new Authenticator(pki.caCertificate(), pki.tokenFile(), Clock.systemUTC());
    }

    /**
     * @param peerChainOrNull           the client's certificate chain from the TLS session, leaf first, or null
     * @param authorizationHeaderOrNull the {@code Authorization} header value, or null
     * @return the user, or empty when no credential was presented or none is valid
     */
    public Optional<UserInfo> authenticate(X509Certificate[] peerChainOrNull, String authorizationHeaderOrNull) {
        if (peerChainOrNull != null && peerChainOrNull.length > 0) {
            Optional<UserInfo> user = fromCertificate(peerChainOrNull[0]);
            if (user.isPresent()) {
                return user;
            }
        }
        return bearerToken(authorizationHeaderOrNull).flatMap(tokens::lookup).map(UserInfo::authenticated);
    }

    private Optional<UserInfo> fromCertificate(X509Certificate leaf) {
        if (!validNow(leaf) || !usableForClientAuth(leaf) || !signedByCa(leaf)) {
            return Optional.empty();
        }
        X500Name subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        List<String> names = values(subject, BCStyle.CN);
        if (names.isEmpty() || names.get(0).isEmpty()) {
            return Optional.empty(); // upstream refuses certificates without a common name
        }
        return Optional.of(new UserInfo(names.get(0), "", values(subject, BCStyle.O)).authenticated());
    }

    private boolean validNow(X509Certificate leaf) {
        Date now = Date.from(clock.instant());
        return !now.before(leaf.getNotBefore()) && !now.after(leaf.getNotAfter());
    }

    /** As Go's x509 verification: no extended key usage at all means any usage. */
    private static boolean usableForClientAuth(X509Certificate leaf) {
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            return usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_PURPOSE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private boolean signedByCa(X509Certificate leaf) {
        if (verifiedSignatures.contains(leaf)) {
            return true;
        }
        if (!leaf.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            leaf.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        if (verifiedSignatures.size() >= MAX_REMEMBERED_CERTIFICATES) {
            verifiedSignatures.clear(); // crude bound; re-verifying is only a cost, never a risk
        }
        verifiedSignatures.add(leaf);
        return true;
    }

    /** The token of {@code Authorization: Bearer <token>} (scheme case-insensitive), as upstream parses it. */
    static Optional<String> bearerToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split(" ");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs(type)) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(type)) {
                    ASN1Encodable value = attribute.getValue();
                    values.add(value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
                }
            }
        }
        return values;
    }
}
