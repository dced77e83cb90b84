package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import io.capj.api.versions.TolerantVersion;
import io.capj.apimachinery.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * How far one update may move a KubeadmControlPlane's Kubernetes version: to any version below the minor
 * after next (so at most one minor up, any patch; pre-releases ignored). As upstream, this webhook does not
 * refuse downgrades; the version skew policy is left to the controller.
 */
final class VersionUpgrades {
    static final String FIELD = "spec.version";

    private VersionUpgrades() {
    }

    /** The errors for an update from {@code oldVersion} to {@code newVersion}. */
    static List<FieldError> validate(String oldVersion, String newVersion) {
        Optional<TolerantVersion> from = TolerantVersion.parse(oldVersion);
        if (from.isEmpty()) {
            return List.of(internal("failed to parse current kubeadmcontrolplane version: " + oldVersion));
        }
        Optional<TolerantVersion> to = TolerantVersion.parse(newVersion);
        if (to.isEmpty()) {
            return List.of(internal("failed to parse updated kubeadmcontrolplane version: " + newVersion));
        }
        TolerantVersion ceiling = new TolerantVersion(from.get().major(), from.get().minor() + 2, 0, null, null);
        if (to.get().compareIgnoringPreRelease(ceiling) >= 0) {
            return List.of(FieldError.forbidden(FIELD,
                    "cannot update Kubernetes version from " + oldVersion + " to " + newVersion));
        }
        return List.of();
    }

    private static FieldError internal(String detail) {
        return new FieldError(FieldError.Type.INTERNAL, FIELD, detail, null);
    }
}
