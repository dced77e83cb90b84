package io.capj.api.bootstrap.kubeadm.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiServerExtension;
import io.capj.api.ServedApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KubeadmConfigs and templates breaking the schema are refused with 422 Invalid naming the field. */
@ExtendWith(CapiServerExtension.class)
class KubeadmSchemaValidationTest {
    private static final String NS = "kubeadm-validation";

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                invalid("unknown file encoding", s -> file(s).put("encoding", "zip"),
                        "spec.files[0].encoding", "Unsupported value"),
                invalid("unknown content format", s -> file(s).put("contentFormat", "Jinja"),
                        "spec.files[0].contentFormat", "Unsupported value"),
                invalid("file without path", s -> file(s).remove("path"), "spec.files[0].path", "Required"),
                invalid("content secret without key", s -> file(s).putObject("contentFrom").putObject("secret")
                        .put("name", "s"), "spec.files[0].contentFrom.secret.key", "Required"),
                invalid("unknown output format", s -> s.put("format", "yaml"), "spec.format", "Unsupported value"),
                invalid("kubelet arg given twice (CEL)", KubeadmSchemaValidationTest::duplicateKubeletArg,
                        "spec.joinConfiguration.nodeRegistration.kubeletExtraArgs",
                        "kubeletExtraArgs name must be unique"),
                invalid("partition with layout and diskLayout (CEL)", KubeadmSchemaValidationTest::twoLayouts,
                        "spec.diskSetup.partitions[0]", "exactly one of the fields in [layout diskLayout]"),
                invalid("unknown partition type (CEL)", s -> partitionLayout(s).put("partitionType", "Ext4"),
                        "spec.diskSetup.partitions[0].diskLayout[0].partitionType", "partitionType must be one of"),
                invalid("empty join configuration", s -> s.putObject("joinConfiguration"),
                        "spec.joinConfiguration", "at least 1 properties"),
                invalid("bootstrap token too long", s -> s.putObject("initConfiguration").putArray("bootstrapTokens")
                        .addObject().put("token", "abcdef.0123456789abcdef-x"),
                        "spec.initConfiguration.bootstrapTokens[0].token", "Too long"),
                invalid("unknown encryption algorithm", s -> s.putObject("clusterConfiguration")
                        .put("encryptionAlgorithm", "DSA"),
                        "spec.clusterConfiguration.encryptionAlgorithm", "Unsupported value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void configRefused(String name, ObjectNode config, String field, String message, ServedApi api) {
        api.namespace(NS);
        assertInvalid(api.post(ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigs"), config), field, message);
    }

    @Test
    void templateRulesApplyUnderTemplateSpec(ServedApi api) {
        api.namespace(NS);
        ObjectNode template = KubeadmSamples.template("bad-encoding");
        file((ObjectNode) template.at("/spec/template/spec")).put("encoding", "zip");

        assertInvalid(api.post(ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigtemplates"), template),
                "spec.template.spec.files[0].encoding", "Unsupported value");
    }

    @Test
    void templateSpecNeedsTemplate(ServedApi api) {
        api.namespace(NS);
        ObjectNode template = KubeadmSamples.template("no-template");
        template.putObject("spec");

        assertInvalid(api.post(ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigtemplates"), template),
                "spec.template", "Required");
    }

    @Test
    void statusIsValidatedToo(ServedApi api) {
        api.namespace(NS);
        String configs = ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigs");
        assertThat(api.post(configs, KubeadmSamples.config("bad-status")).code()).isEqualTo(201);

        ServedApi.Reply reply = api.mergePatch(configs + "/bad-status/status",
                "{\"status\":{\"dataSecretName\":\"\"}}");

        assertInvalid(reply, "status.dataSecretName", "at least 1 chars long");
    }

    private static void assertInvalid(ServedApi.Reply reply, String field, String message) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(422);
        assertThat(reply.body().path("reason").asText()).isEqualTo("Invalid");
        List<String> fields = new ArrayList<>();
        for (JsonNode cause : reply.body().at("/details/causes")) {
            fields.add(cause.path("field").asText());
        }
        assertThat(fields).as(reply.body().toString()).contains(field);
        assertThat(reply.body().path("message").asText()).contains(message);
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> breakSpec, String field, String message) {
        ObjectNode config = KubeadmSamples.config("bad-" + Integer.toHexString(name.hashCode()));
        breakSpec.accept(config.withObjectProperty("spec"));
        return Arguments.of(name, config, field, message);
    }

    /** The first file of the spec, created as a valid inline file. */
    private static ObjectNode file(ObjectNode spec) {
        ArrayNode files = spec.has("files") ? (ArrayNode) spec.get("files") : spec.putArray("files");
        if (files.isEmpty()) {
            files.addObject().put("path", "/etc/motd").put("content", "hello");
        }
        return (ObjectNode) files.get(0);
    }

    private static ObjectNode partitionLayout(ObjectNode spec) {
        return spec.putObject("diskSetup").putArray("partitions").addObject().put("device", "/dev/sdb")
                .putArray("diskLayout").addObject().put("percentage", 100);
    }

    private static void duplicateKubeletArg(ObjectNode spec) {
        ArrayNode args = spec.withObjectProperty("joinConfiguration").withObjectProperty("nodeRegistration")
                .putArray("kubeletExtraArgs");
        args.addObject().put("name", "v").put("value", "1");
        args.addObject().put("name", "v").put("value", "2");
    }

    private static void twoLayouts(ObjectNode spec) {
        ObjectNode partition = spec.putObject("diskSetup").putArray("partitions").addObject()
                .put("device", "/dev/sdb").put("layout", true);
        partition.putArray("diskLayout").addObject().put("percentage", 100);
    }
}
