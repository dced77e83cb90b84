package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.Objects;

/**
 * A certificate or key the machine needs on disk before kubeadm runs.
 *
 * @param path        absolute path, e.g. {@code /etc/kubernetes/pki/ca.crt}
 * @param content     PEM text
 * @param permissions octal mode, e.g. {@code 0640} for certificates and {@code 0600} for keys
 */
public record CertificateFile(String path, String content, String permissions) {
    public CertificateFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(permissions, "permissions");
    }
}
