package io.capj.bootstrap.kubeadm.cloudinit;

/**
 * The bootstrap data cannot be rendered from the given input: a malformed or unsupported file template, a
 * Kubernetes version kubeadm's API does not cover, an unresolved secret reference, or an output format this
 * renderer does not produce. The message names the problem (and the file path, when a file is at fault); the
 * controller surfaces it on the KubeadmConfig's conditions rather than retrying, because the same input fails
 * the same way.
 */
public class BootstrapRenderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the input */
    public BootstrapRenderException(String message) {
        super(message);
    }
}
