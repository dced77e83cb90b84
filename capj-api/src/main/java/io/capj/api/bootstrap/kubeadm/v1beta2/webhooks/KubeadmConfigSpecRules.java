package io.capj.api.bootstrap.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's validation of a KubeadmConfig spec beyond its schema, shared by KubeadmConfig,
 * KubeadmConfigTemplate and (for KubeadmControlPlane) {@code kubeadmConfigSpec}.
 */
public final class KubeadmConfigSpecRules {
    static final String IGNITION = "ignition";
    static final String CANNOT_USE_WITH_IGNITION = "not supported when spec.format is set to: \"ignition\"";
    static final String IGNITION_GATE_DISABLED =
            "can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled";

    private KubeadmConfigSpecRules() {
    }

    /**
     * Validates {@code spec} found at {@code path}.
     *
     * @param controlPlane true for a KubeadmControlPlane's spec, which also needs equal control plane
     *                     component health check timeouts in its init and join configurations
     * @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on (upstream: off)
     */
    public static List<FieldError> validate(JsonNode spec, String path, boolean controlPlane,
                                            boolean ignitionFormat) {
        List<FieldError> errs = new ArrayList<>();
        files(spec, path, errs);
        users(spec, path, errs);
        ignition(spec, path, ignitionFormat, errs);
        diskLayouts(spec, path, errs);
        JsonNode user = spec.at("/joinConfiguration/discovery/file/kubeConfig/user");
        if (user.has("authProvider") && user.has("exec")) {
            errs.add(FieldError.invalid(path + ".joinConfiguration.discovery.file.kubeconfig.user", user,
                    "only one of authProvider or exec must be defined"));
        }
        if (controlPlane) {
            healthCheckTimeouts(spec, path, errs);
        }
        return errs;
    }

    private static void files(JsonNode spec, String path, List<FieldError> errs) {
        Set<String> paths = new HashSet<>();
        JsonNode files = spec.path("files");
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String at = path + ".files[" + i + "]";
            if (!file.path("content").asText().isEmpty() && file.has("contentFrom")) {
                errs.add(FieldError.invalid(at, file,
                        "only one of content or contentFrom may be specified for a single file"));
            }
            if (!paths.add(file.path("path").asText())) {
                errs.add(FieldError.invalid(at + ".path", file, "path property must be unique among all files"));
            }
        }
    }

    private static void users(JsonNode spec, String path, List<FieldError> errs) {
        JsonNode users = spec.path("users");
        for (int i = 0; i < users.size(); i++) {
            JsonNode user = users.get(i);
            if (!user.path("passwd").asText().isEmpty() && user.has("passwdFrom")) {
                errs.add(FieldError.invalid(path + ".users[" + i + "]", user,
                        "only one of passwd or passwdFrom may be specified for a single user"));
            }
        }
    }

    private static void ignition(JsonNode spec, String path, boolean enabled, List<FieldError> errs) {
        boolean ignitionFormat = IGNITION.equals(spec.path("format").asText());
        boolean ignitionSettings = spec.path("ignition").size() > 0;
        if (!enabled) {
            if (ignitionFormat) {
                errs.add(FieldError.forbidden(path + ".format", IGNITION_GATE_DISABLED));
            }
            if (ignitionSettings) {
                errs.add(FieldError.forbidden(path + ".ignition", IGNITION_GATE_DISABLED));
            }
            return;
        }
        if (!ignitionFormat) {
            if (ignitionSettings) {
                errs.add(FieldError.invalid(path + ".format", spec.path("format").asText(),
                        "must be set to \"ignition\" if spec.ignition is set"));
            }
            return;
        }
        JsonNode users = spec.path("users");
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).path("inactive").asBoolean(false)) {
                errs.add(FieldError.forbidden(path + ".users[" + i + "].inactive", CANNOT_USE_WITH_IGNITION));
            }
        }
        JsonNode files = spec.path("files");
        for (int i = 0; i < files.size(); i++) {
            String encoding = files.get(i).path("encoding").asText();
            if (encoding.equals("gzip") || encoding.equals("gzip+base64")) {
                errs.add(FieldError.forbidden(path + ".files[" + i + "].encoding", CANNOT_USE_WITH_IGNITION));
            }
        }
        if (spec.has("bootCommands")) {
            errs.add(FieldError.forbidden(path + ".bootCommands", CANNOT_USE_WITH_IGNITION));
        }
        JsonNode partitions = spec.at("/diskSetup/partitions");
        for (int i = 0; i < partitions.size(); i++) {
            String tableType = partitions.get(i).path("tableType").asText();
            if (!tableType.isEmpty() && !tableType.equals("gpt")) {
                errs.add(FieldError.invalid(path + ".diskSetup.partitions[" + i + "].tableType", tableType,
                        "only partition type \"gpt\" is supported when spec.format is set to \"ignition\""));
            }
        }
        JsonNode filesystems = spec.at("/diskSetup/filesystems");
        for (int i = 0; i < filesystems.size(); i++) {
            String at = path + ".diskSetup.filesystems[" + i + "]";
            if (!filesystems.get(i).path("replaceFS").asText().isEmpty()) {
                errs.add(FieldError.forbidden(at + ".replaceFS", CANNOT_USE_WITH_IGNITION));
            }
            if (!filesystems.get(i).path("partition").asText().isEmpty()) {
                errs.add(FieldError.forbidden(at + ".partition", CANNOT_USE_WITH_IGNITION));
            }
        }
    }

    private static void diskLayouts(JsonNode spec, String path, List<FieldError> errs) {
        JsonNode partitions = spec.at("/diskSetup/partitions");
        for (int i = 0; i < partitions.size(); i++) {
            int total = 0;
            for (JsonNode layout : partitions.get(i).path("diskLayout")) {
                total += layout.path("percentage").asInt();
            }
            if (total > 100) {
                errs.add(FieldError.invalid(path + ".diskSetup.partitions[" + i + "].diskLayout", total,
                        "the sum of all partition percentages must not be greater than 100"));
            }
        }
    }

    private static void healthCheckTimeouts(JsonNode spec, String path, List<FieldError> errs) {
        String init = timeout(spec.path("initConfiguration"));
        String join = timeout(spec.path("joinConfiguration"));
        if (!init.equals(join)) {
            String detail = "controlPlaneComponentHealthCheckSeconds must be set to the same value both in "
                    + "initConfiguration.timeouts (" + init + ") and in joinConfiguration.timeouts (" + join + ")";
            errs.add(FieldError.invalid(path + ".initConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds",
                    init, detail));
            errs.add(FieldError.invalid(path + ".joinConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds",
                    join, detail));
        }
    }

    private static String timeout(JsonNode configuration) {
        JsonNode seconds = configuration.at("/timeouts/controlPlaneComponentHealthCheckSeconds");
        return seconds.isNumber() ? seconds.asText() : "unset";
    }
}
