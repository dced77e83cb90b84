package io.capj.api.bootstrap.kubeadm.v1beta2.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubeadm bootstrap webhooks' rules beyond the schema, on JSON objects. */
class KubeadmWebhooksTest {
    private static final KubeadmConfigWebhook GATE_OFF = new KubeadmConfigWebhook(false);
    private static final KubeadmConfigWebhook GATE_ON = new KubeadmConfigWebhook(true);

    @Test
    void validConfigPasses() {
        assertThat(GATE_OFF.validateCreate(config("""
                {"files":[{"path":"/a","content":"x"},{"path":"/b","contentFrom":{"secret":{"name":"s","key":"k"}}}],
                 "users":[{"name":"u","passwd":"p"}],
                 "diskSetup":{"partitions":[{"device":"/dev/sdb","diskLayout":[{"percentage":60},{"percentage":40}]}]}}
                """))).isEmpty();
    }

    @Test
    void fileSourcesAndPathsAreChecked() {
        List<FieldError> errs = GATE_OFF.validateCreate(config("""
                {"files":[{"path":"/a","content":"x","contentFrom":{"secret":{"name":"s","key":"k"}}},
                          {"path":"/a","content":"y"}]}"""));

        assertThat(errs).extracting(FieldError::field).containsExactly("spec.files[0]", "spec.files[1].path");
        assertThat(errs.get(0).detail())
                .isEqualTo("only one of content or contentFrom may be specified for a single file");
        assertThat(errs.get(1).detail()).isEqualTo("path property must be unique among all files");
    }

    @Test
    void userWithTwoPasswordSourcesIsRefused() {
        List<FieldError> errs = GATE_OFF.validateCreate(config("""
                {"users":[{"name":"u","passwd":"p","passwdFrom":{"secret":{"name":"s","key":"k"}}}]}"""));

        assertThat(errs).extracting(FieldError::field).containsExactly("spec.users[0]");
    }

    @Test
    void diskLayoutOver100PercentIsRefused() {
        List<FieldError> errs = GATE_OFF.validateCreate(config("""
                {"diskSetup":{"partitions":[{"device":"/dev/sdb","diskLayout":[{"percentage":60},{"percentage":50}]}]}}
                """));

        assertThat(errs).extracting(FieldError::field).containsExactly("spec.diskSetup.partitions[0].diskLayout");
        assertThat(errs.get(0).badValue()).isEqualTo(110);
    }

    @Test
    void discoveryKubeconfigUserNeedsOneCredentialSource() {
        List<FieldError> errs = GATE_OFF.validateCreate(config("""
                {"joinConfiguration":{"discovery":{"file":{"kubeConfigPath":"/k","kubeConfig":{"user":{
                 "authProvider":{"name":"oidc"},"exec":{"command":"get-token"}}}}}}}"""));

        assertThat(errs).extracting(FieldError::field)
                .containsExactly("spec.joinConfiguration.discovery.file.kubeconfig.user");
    }

    @Test
    void ignitionNeedsTheFeatureGate() {
        List<FieldError> errs = GATE_OFF.validateCreate(config("""
                {"format":"ignition","ignition":{"containerLinuxConfig":{"strict":true}}}"""));

        assertThat(errs).extracting(FieldError::field).containsExactly("spec.format", "spec.ignition");
        assertThat(errs).extracting(FieldError::type).containsOnly(FieldError.Type.FORBIDDEN);
    }

    @Test
    void ignitionSettingsNeedTheIgnitionFormat() {
        List<FieldError> errs = GATE_ON.validateCreate(config("""
                {"format":"cloud-config","ignition":{"containerLinuxConfig":{"strict":true}}}"""));

        assertThat(errs).extracting(FieldError::field).containsExactly("spec.format");
    }

    @Test
    void ignitionFormatForbidsCloudInitOnlyFeatures() {
        List<FieldError> errs = GATE_ON.validateCreate(config("""
                {"format":"ignition","bootCommands":["echo"],
                 "users":[{"name":"u","inactive":true}],
                 "files":[{"path":"/a","content":"x","encoding":"gzip"}],
                 "diskSetup":{"partitions":[{"device":"/dev/sdb","layout":true,"tableType":"mbr"}],
                              "filesystems":[{"device":"/dev/sdb1","filesystem":"ext4","partition":"auto",
                                              "replaceFS":"ntfs"}]}}"""));

        assertThat(errs).extracting(FieldError::field).containsExactly("spec.users[0].inactive",
                "spec.files[0].encoding", "spec.bootCommands", "spec.diskSetup.partitions[0].tableType",
                "spec.diskSetup.filesystems[0].replaceFS", "spec.diskSetup.filesystems[0].partition");
    }

    @Test
    void controlPlaneSpecsNeedEqualHealthCheckTimeouts() {
        JsonNode spec = Json.parse("""
                {"initConfiguration":{"timeouts":{"controlPlaneComponentHealthCheckSeconds":240}}}""");

        List<FieldError> errs = KubeadmConfigSpecRules.validate(spec, "spec.kubeadmConfigSpec", true, false);

        assertThat(errs).extracting(FieldError::field).containsExactly(
                "spec.kubeadmConfigSpec.initConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds",
                "spec.kubeadmConfigSpec.joinConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds");
        assertThat(errs.get(0).detail()).contains("initConfiguration.timeouts (240)")
                .contains("joinConfiguration.timeouts (unset)");
        assertThat(KubeadmConfigSpecRules.validate(spec, "spec", false, false)).isEmpty();
    }

    @Test
    void templateRulesApplyUnderTemplateSpecAndMetadata() {
        JsonNode template = Json.parse("""
                {"spec":{"template":{"metadata":{"labels":{"bad key!":"v"}},
                 "spec":{"files":[{"path":"/a","content":"x"},{"path":"/a","content":"y"}]}}}}""");

        List<FieldError> errs = new KubeadmConfigTemplateWebhook(false).validateCreate(template);

        assertThat(errs).extracting(FieldError::field)
                .containsExactly("spec.template.spec.files[1].path", "spec.template.metadata.labels");
    }

    @Test
    void hooksAreKeyedByKind() {
        assertThat(KubeadmBootstrapAdmissionHooks.byKind(false)).hasSize(2);
    }

    private static JsonNode config(String spec) {
        return Json.object().set("spec", Json.parse(spec));
    }
}
