package io.capj.core.cluster;

import io.capj.certs.CertificateIssuer;
import io.capj.certs.CertifiedKey;
import io.capj.certs.PemCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The admin kubeconfig of a workload cluster, as upstream's {@code util/kubeconfig} writes it: cluster
 * {@code <cluster>}, user {@code <cluster>-admin} with a fresh client certificate (CN
 * {@value #USER}, O {@value #GROUP}) signed by the cluster CA, context {@code <cluster>-admin@<cluster>}.
 */
public final class AdminKubeconfig {
    /** The client certificate's user. */
    public static final String USER = "kubernetes-admin";
    /** The client certificate's group: cluster-admin by kubeadm's default RBAC. */
    public static final String GROUP = "system:masters";
    /** How long the client certificate is valid (upstream's default certificate duration). */
    public static final Duration VALIDITY = Duration.ofDays(365);

    private AdminKubeconfig() {
    }

    /** A kubeconfig for {@code https://endpoint} trusting {@code ca}, with a client certificate it signed. */
    public static String render(String clusterName, String endpoint, CertifiedKey ca, Instant now) {
        CertifiedKey client = new CertificateIssuer(ca).issueClient(USER, List.of(GROUP),
                CertificateIssuer.newKeyPair(), now, VALIDITY);
        String user = clusterName + "-admin";
        String context = user + "@" + clusterName;
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + clusterName + "\n"
                + "  cluster:\n"
                + "    server: https://" + endpoint + "\n"
                + "    certificate-authority-data: " + base64(PemCodec.encodeCertificate(ca.certificate())) + "\n"
                + "users:\n"
                + "- name: " + user + "\n"
                + "  user:\n"
                + "    client-certificate-data: " + base64(PemCodec.encodeCertificate(client.certificate())) + "\n"
                + "    client-key-data: " + base64(PemCodec.encodePrivateKey(client.privateKey())) + "\n"
                + "contexts:\n"
                + "- name: " + context + "\n"
                + "  context:\n"
                + "    cluster: " + clusterName + "\n"
                + "    user: " + user + "\n"
                + "current-context: " + context + "\n";
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
