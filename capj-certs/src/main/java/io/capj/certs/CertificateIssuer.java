package io.capj.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints the plane's RSA-2048 / SHA-256 certificates: the self-signed cluster CA, and serving and client
 * certificates signed by it. RSA-2048 because every client we must serve (Go's crypto/tls in kubectl,
 * fabric8 and client-java on the JDK) accepts it. Only BouncyCastle's builders are used; keys and
 * signatures come from the JDK's default providers, so no security provider is registered.
 */
public final class CertificateIssuer {
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    /** Back-dating absorbs small clock differences between this host and its clients. */
    public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertifiedKey ca;

    public CertificateIssuer(CertifiedKey ca) {
        this.ca = ca;
    }

    /** A new self-signed CA with subject {@code CN=commonName}, valid for {@code validity} from {@code now}. */
    public static CertifiedKey selfSignedCa(String commonName, KeyPair keys, Instant now, Duration validity) {
        X500Name subject = name(commonName, List.of());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), now, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertifiedKey(sign(builder, keys), keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create CA certificate " + subject, e);
        }
    }

    /** A TLS server certificate for the given IP addresses and DNS names (extended key usage serverAuth). */
    public CertifiedKey issueServing(String commonName, List<String> ipAddresses, List<String> dnsNames, KeyPair keys,
                              Instant now, Duration validity) {
        List<GeneralName> names = new ArrayList<>();
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        return issue(name(commonName, List.of()), KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(names.toArray(GeneralName[]::new)), keys, now, validity);
    }

    /** A TLS client certificate: Kubernetes reads {@code CN} as the user and each {@code O} as a group. */
    public CertifiedKey issueClient(String user, List<String> groups, KeyPair keys, Instant now, Duration validity) {
        return issue(name(user, groups), KeyPurposeId.id_kp_clientAuth, null, keys, now, validity);
    }

    /** True when {@code certificate} carries a valid signature of this issuer's CA. */
    public boolean signed(X509Certificate certificate) {
        try {
            certificate.verify(ca.certificate().getPublicKey());
            return certificate.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private CertifiedKey issue(X500Name subject, KeyPurposeId purpose, GeneralNames subjectAltNames, KeyPair keys,
                               Instant now, Duration validity) {
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(issuer, subject, keys.getPublic(), now, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            if (subjectAltNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
            }
            return new CertifiedKey(sign(builder, new KeyPair(ca.certificate().getPublicKey(), ca.privateKey())),
                    keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue certificate " + subject, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Instant now, Duration validity) {
        // Positive 127-bit random serials: unique without keeping a counter, and within RFC 5280's 20 octets.
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(CLOCK_SKEW_ALLOWANCE)),
                Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static X500Name name(String commonName, List<String> organizations) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        organizations.forEach(org -> name.addRDN(BCStyle.O, org));
        name.addRDN(BCStyle.CN, commonName);
        return name.build();
    }

    /** A new RSA-2048 key pair; the prime search takes 50 ms to a second, so callers may run it concurrently. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }
}
