package io.capj.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * A certificate together with the private key of its subject.
 *
 * @param certificate the X.509 certificate
 * @param privateKey  the key whose public half the certificate carries
 */
public record CertifiedKey(X509Certificate certificate, PrivateKey privateKey) {

    /** True when the certificate has expired or expires within {@code margin} after {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return certificate.getNotAfter().toInstant().isBefore(now.plus(margin));
    }

    /** True when the certificate's public key is the public half of {@link #privateKey()}. */
    public boolean keysMatch() {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey pub) || !(privateKey instanceof RSAPrivateCrtKey priv)) {
            return false; // only RSA keys are ever written here
        }
        return pub.getModulus().equals(priv.getModulus()) && pub.getPublicExponent().equals(priv.getPublicExponent());
    }
}
