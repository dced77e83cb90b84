package io.capj.apiserver.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes kubeconfig files that kubectl, client-go, fabric8 and client-java load unchanged: one cluster
 * {@value #NAME} (server URL plus the CA as {@code certificate-authority-data}), one user and one context
 * {@value #NAME} in namespace {@code default} that is also the current context. The file is written
 * 0600 and replaced atomically, so a client reading it during a restart sees the old or the new file.
 */
public final class Kubeconfig {
    /** The name of the cluster and of the context. */
    public static final String NAME = "capj";
    /** The kubeconfig user entry carrying the admin client certificate. */
    public static final String CERTIFICATE_USER = "capj-admin";
    /** The kubeconfig user entry carrying a bearer token. */
    public static final String TOKEN_USER = "capj-token";

    private Kubeconfig() {
    }

    /** Writes a kubeconfig authenticating with the admin client certificate of {@code pki}. */
    public static void write(Path file, String serverUrl, Pki pki) throws IOException {
        String user = "    client-certificate-data: " + base64(pki.adminCertificatePem()) + "\n"
                + "    client-key-data: " + base64(pki.adminKeyPem()) + "\n";
        writeFile(file, render(serverUrl, pki, CERTIFICATE_USER, user));
    }

    /** Writes a kubeconfig authenticating with {@code bearerToken} (e.g. {@link Pki#adminToken()}). */
    public static void writeWithToken(Path file, String serverUrl, Pki pki, String bearerToken) throws IOException {
        writeFile(file, render(serverUrl, pki, TOKEN_USER, "    token: " + quoted(bearerToken) + "\n"));
    }

    private static String render(String serverUrl, Pki pki, String userName, String userFields) {
        // Hand-written YAML: every value is base64 or a double-quoted scalar, so nothing needs a YAML library.
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + NAME + "\n"
                + "  cluster:\n"
                + "    server: " + quoted(serverUrl) + "\n"
                + "    certificate-authority-data: " + base64(pki.caPem()) + "\n"
                + "users:\n"
                + "- name: " + userName + "\n"
                + "  user:\n"
                + userFields
                + "contexts:\n"
                + "- name: " + NAME + "\n"
                + "  context:\n"
                + "    cluster: " + NAME + "\n"
                + "    user: " + userName + "\n"
                + "    namespace: default\n"
                + "current-context: " + NAME + "\n"
                + "preferences: {}\n";
    }

    private static void writeFile(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        SecureFiles.createPrivateDirectories(parent);
        SecureFiles.writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
