package io.capj.apiserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS settings against a real Jetty listener (HTTP/2 and HTTP/1.1 behind ALPN, as the API server
 * wires it): clients with and without a certificate get in, and the handler sees who they are.
 */
class TlsSettingsTest {
    @TempDir
    static Path dataDir;
    static Pki pki;
    static Server server;
    static Authenticator authenticator;
    static URI uri;

    @BeforeAll
    static void startServer() throws Exception {
        pki = Pki.loadOrCreate(dataDir);
        authenticator = Authenticator.forPki(pki);
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        SslConnectionFactory tls = new SslConnectionFactory(TlsSettings.serverSslContextFactory(pki), alpn.getProtocol());
        ServerConnector connector = new ServerConnector(server, tls, alpn, h2, http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new WhoAmI());
        server.start();
        uri = URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/whoami");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Test
    void aClientCertificateIdentifiesTheCallerOverHttp2() throws Exception {
        HttpResponse<String> response = get(TlsSettings.adminClientContext(pki), HttpClient.Version.HTTP_2, null);

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).isEqualTo("capj-admin TLSv1.3");
    }

    @Test
    void aClientWithoutCertificateIsAcceptedAndUsesItsBearerToken() throws Exception {
        HttpResponse<String> response = get(TlsSettings.clientContext(pki), HttpClient.Version.HTTP_1_1,
                "Bearer " + pki.adminToken());

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo("capj-admin TLSv1.3");
    }

    @Test
    void aClientWithoutAnyCredentialIsAnonymous() throws Exception {
        assertThat(get(TlsSettings.clientContext(pki), HttpClient.Version.HTTP_2, null).body())
                .isEqualTo("anonymous TLSv1.3");
    }

    @Test
    void aClientThatDoesNotTrustTheCaCannotConnect(@TempDir Path otherDir) throws IOException {
        Pki other = Pki.loadOrCreate(otherDir);

        assertThatThrownBy(() -> get(TlsSettings.clientContext(other), HttpClient.Version.HTTP_2, null))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static HttpResponse<String> get(SSLContext tls, HttpClient.Version version, String authorization)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(version).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Answers with the authenticated user name and the TLS protocol of the connection. */
    private static final class WhoAmI extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            EndPoint.SslSessionData tls = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
            X509Certificate[] chain = tls == null ? null : tls.peerCertificates();
            Optional<UserInfo> user = authenticator.authenticate(chain, request.getHeaders().get(HttpHeader.AUTHORIZATION));
            String body = user.map(UserInfo::name).orElse("anonymous") + " " + tls.sslSession().getProtocol();
            Content.Sink.write(response, true, body, callback);
            return true;
        }
    }
}
