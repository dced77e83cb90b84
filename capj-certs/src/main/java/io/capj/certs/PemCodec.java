package io.capj.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM as Kubernetes clients read it: certificates as {@code CERTIFICATE}, RSA keys as PKCS#1
 * {@code RSA PRIVATE KEY} (what kubeadm writes and what client-go, fabric8 and client-java all accept).
 * Reading also accepts PKCS#8 {@code PRIVATE KEY}, so a key replaced by hand in that form still loads.
 */
public final class PemCodec {
    private PemCodec() {
    }

    public static String encodeCertificate(X509Certificate certificate) {
        try {
            return encode(new PemObject("CERTIFICATE", certificate.getEncoded()));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** PKCS#1 for RSA keys; other key types (never generated here) fall back to PKCS#8. */
    public static String encodePrivateKey(PrivateKey key) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        try {
            if ("RSA".equals(key.getAlgorithm())) {
                return encode(new PemObject("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded()));
            }
            return encode(new PemObject("PRIVATE KEY", info.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + key.getAlgorithm() + " private key", e);
        }
    }

    /** A public key as PKIX {@code PUBLIC KEY} (how kubeadm stores {@code sa.pub}). */
    public static String encodePublicKey(PublicKey key) {
        return encode(new PemObject("PUBLIC KEY", key.getEncoded()));
    }

    public static X509Certificate parseCertificate(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    public static PrivateKey parsePrivateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new PEMException("no unencrypted private key found (got "
                    + (parsed == null ? "nothing" : parsed.getClass().getSimpleName()) + ")");
        }
    }

    private static String encode(PemObject object) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
