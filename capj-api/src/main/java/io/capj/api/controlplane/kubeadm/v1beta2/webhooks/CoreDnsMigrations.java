package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import io.capj.api.versions.TolerantVersion;
import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.apimachinery.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * Whether a KubeadmControlPlane may move CoreDNS from one image tag to another: KCP migrates the Corefile
 * itself, so (unless {@code controlplane.cluster.x-k8s.io/skip-coredns} is set, or the version does not
 * change) both versions must be releases the CoreDNS Corefile migration tool knows, and the new one must
 * follow the old one in its release chain.
 */
final class CoreDnsMigrations {
    static final String FIELD = "spec.kubeadmConfigSpec.clusterConfiguration.dns.imageTag";
    /**
     * The CoreDNS releases the Corefile migration tool (github.com/coredns/corefile-migration) handles, oldest
     * first; each migrates up to any later one.
     */
    static final List<String> RELEASES = List.of("1.1.3", "1.1.4", "1.2.0", "1.2.1", "1.2.2", "1.2.3", "1.2.4",
            "1.2.5", "1.2.6", "1.3.0", "1.3.1", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.6.2",
            "1.6.3", "1.6.4", "1.6.5", "1.6.6", "1.6.7", "1.6.9", "1.7.0", "1.7.1", "1.8.0", "1.8.3", "1.8.4",
            "1.8.5", "1.8.6", "1.8.7", "1.9.0", "1.9.1", "1.9.2", "1.9.3", "1.9.4", "1.10.0", "1.10.1", "1.11.0",
            "1.11.1", "1.11.3", "1.11.4", "1.12.0", "1.12.1", "1.12.2", "1.12.3", "1.12.4", "1.13.0", "1.13.1",
            "1.13.2", "1.14.0", "1.14.1", "1.14.2");

    private CoreDnsMigrations() {
    }

    /** Checks the CoreDNS tag change between {@code old} and {@code kcp} (whole objects). */
    static List<FieldError> validate(JsonNode old, JsonNode kcp) {
        String fromTag = old.at("/spec/kubeadmConfigSpec/clusterConfiguration/dns/imageTag").asText();
        String toTag = kcp.at("/spec/kubeadmConfigSpec/clusterConfiguration/dns/imageTag").asText();
        if (fromTag.isEmpty() || toTag.isEmpty()) {
            return List.of();
        }
        Optional<TolerantVersion> from = TolerantVersion.parseImageTag(fromTag);
        if (from.isEmpty()) {
            return List.of(FieldError.invalid(FIELD, fromTag, "failed to parse current CoreDNS version: "
                    + fromTag + " is not a semantic version"));
        }
        Optional<TolerantVersion> to = TolerantVersion.parseImageTag(toTag);
        if (to.isEmpty()) {
            return List.of(FieldError.invalid(FIELD, toTag, "failed to parse target CoreDNS version: "
                    + toTag + " is not a semantic version"));
        }
        if (to.get().compareIgnoringPreRelease(from.get()) == 0
                || kcp.at("/metadata/annotations").has(KubeadmControlPlaneAnnotations.SkipCoreDNSAnnotation)) {
            return List.of();
        }
        String problem = upMigrationProblem(from.get().majorMinorPatch(), to.get().majorMinorPatch());
        if (problem == null) {
            return List.of();
        }
        return List.of(FieldError.forbidden(FIELD, "cannot migrate CoreDNS up to '" + to.get().majorMinorPatch()
                + "' from '" + from.get().majorMinorPatch() + "': " + problem));
    }

    /** Why the migration tool refuses {@code from -> to}, in its words, or null when it accepts it. */
    static String upMigrationProblem(String from, String to) {
        int start = RELEASES.indexOf(from);
        if (start < 0) {
            return "start version '" + from + "' not supported";
        }
        if (from.equals(to) || RELEASES.indexOf(to) > start) {
            return null;
        }
        return "cannot migrate up to '" + to + "' from '" + from + "'";
    }
}
