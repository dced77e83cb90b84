package io.capj.apiserver.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS for the HTTPS listener and for in-process clients of it. The server <em>asks</em> for a client
 * certificate but does not require one ({@code wantClientAuth}), because bearer-token clients have none;
 * what the certificate or token is worth is decided by the {@link Authenticator}, not by the handshake.
 * Protocols are TLS 1.2 and 1.3 only; cipher suites are ordered so that HTTP/2-acceptable ones come first
 * (RFC 7540 §9.2.2), otherwise Go clients negotiating h2 abort with {@code INADEQUATE_SECURITY}.
 */
public final class TlsSettings {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsSettings() {
    }

    /** A Jetty 12 server-side factory serving {@code pki}'s serving certificate and trusting its CA for clients. */
    public static SslContextFactory.Server serverSslContextFactory(Pki pki) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        String password = new String(pki.keyPassword());
        factory.setKeyStore(pki.serverKeyStore());
        factory.setKeyStorePassword(password);
        factory.setKeyManagerPassword(password);
        factory.setTrustStore(pki.clientTrustStore());
        factory.setWantClientAuth(true);
        factory.setNeedClientAuth(false);
        factory.setIncludeProtocols(PROTOCOLS);
        factory.setCipherComparator(HTTP2Cipher.COMPARATOR);
        factory.setUseCipherSuitesOrder(true);
        return factory;
    }

    /** A client context that trusts only the cluster CA and presents no certificate (for bearer tokens). */
    public static SSLContext clientContext(Pki pki) {
        return context(null, null, pki.clientTrustStore());
    }

    /** A client context that trusts the cluster CA and presents the admin client certificate. */
    public static SSLContext adminClientContext(Pki pki) {
        return context(pki.adminKeyStore(), pki.keyPassword(), pki.clientTrustStore());
    }

    private static SSLContext context(KeyStore keys, char[] keyPassword, KeyStore trusted) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keyManagers = null;
            if (keys != null) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, keyPassword);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build client TLS context", e);
        }
    }
}
