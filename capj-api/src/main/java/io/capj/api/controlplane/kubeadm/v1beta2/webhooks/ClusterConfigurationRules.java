package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import io.capj.api.versions.TolerantVersion;
import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's checks on a control plane's {@code clusterConfiguration} the schema does not make: valid image
 * tags for CoreDNS and local etcd, a CoreDNS tag that parses as a version, not both local and external etcd,
 * and (on update) no switch between local and external etcd.
 */
final class ClusterConfigurationRules {
    /** Characters an OCI image tag must not contain. */
    private static final Pattern NOT_IN_TAG = Pattern.compile("[^-a-zA-Z0-9_.]");

    private ClusterConfigurationRules() {
    }

    /**
     * Validates {@code configuration} at {@code path}.
     *
     * @param old the stored object's clusterConfiguration on update, null on create
     */
    static List<FieldError> validate(JsonNode old, JsonNode configuration, String path) {
        List<FieldError> errs = new ArrayList<>();
        String dnsTag = configuration.at("/dns/imageTag").asText();
        if (!isValidTag(dnsTag)) {
            errs.add(FieldError.forbidden(path + ".dns.imageTag", "tag " + dnsTag + " is invalid"));
        }
        if (!dnsTag.isEmpty() && TolerantVersion.parseImageTag(dnsTag).isEmpty()) {
            // Upstream reports this one without the clusterConfiguration prefix.
            errs.add(FieldError.invalid("dns.imageTag", dnsTag,
                    "failed to parse CoreDNS version: " + dnsTag + " is not a semantic version"));
        }
        boolean local = isDefined(configuration.at("/etcd/local"));
        boolean external = isDefined(configuration.at("/etcd/external"));
        String etcdTag = configuration.at("/etcd/local/imageTag").asText();
        if (local && !isValidTag(etcdTag)) {
            errs.add(FieldError.forbidden(path + ".etcd.local.imageTag", "tag " + etcdTag + " is invalid"));
        }
        if (local && external) {
            errs.add(FieldError.forbidden(path + ".etcd.local", "cannot have both external and local etcd"));
        }
        if (old != null && external != isDefined(old.at("/etcd/external"))) {
            errs.add(FieldError.forbidden(path + ".etcd.external", "cannot change between external and local etcd"));
        }
        return errs;
    }

    /** Upstream's {@code container.ImageTagIsValid}: only letters, digits, {@code -}, {@code _} and {@code .}. */
    static boolean isValidTag(String tag) {
        return !NOT_IN_TAG.matcher(tag).find();
    }

    private static boolean isDefined(JsonNode node) {
        return node.isObject() && !node.isEmpty();
    }
}
