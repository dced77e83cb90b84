package io.capj.api.bootstrap.kubeadm.v1beta2;

import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.api.schema.Schema;

/**
 * The schema of a KubeadmConfig spec, shared by KubeadmConfig and KubeadmConfigTemplate: the kubeadm
 * configurations (see {@link KubeadmConfigurationSchema}) and the cloud-init / Ignition parts (files, users,
 * disks, mounts, commands, NTP, output format).
 */
public final class KubeadmConfigSpecSchema {
    /** Upstream's pattern for a GPT partition type: a known name or a full GUID. */
    private static final String PARTITION_TYPE = "^(Linux|LinuxSwap|LinuxRAID|LVM|Fat32|NTFS|LinuxExtended"
            + "|[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$";

    private KubeadmConfigSpecSchema() {
    }

    /**
     * {@code spec}: optional as a whole, but never {@code {}}. KubeadmControlPlane(Template) embeds the same
     * shape as {@code kubeadmConfigSpec}.
     */
    public static Schema spec() {
        return object().nonEmpty()
                .property("clusterConfiguration", KubeadmConfigurationSchema.clusterConfiguration())
                .property("initConfiguration", KubeadmConfigurationSchema.initConfiguration())
                .property("joinConfiguration", KubeadmConfigurationSchema.joinConfiguration())
                .property("files", arrayOf(file()).items(1, 200).atomicList())
                .property("diskSetup", diskSetup())
                .property("mounts", arrayOf(arrayOf(text(512)).items(1, 100)).items(1, 100).atomicList())
                .property("bootCommands", commands())
                .property("preKubeadmCommands", commands())
                .property("postKubeadmCommands", commands())
                .property("users", arrayOf(user()).items(1, 100).atomicList())
                .property("ntp", object().nonEmpty()
                        .property("servers", arrayOf(text(512)).maxItems(100).atomicList())
                        .property("enabled", bool()))
                .property("format", string().oneOf("cloud-config", "ignition"))
                .property("verbosity", int32())
                .property("ignition", object().nonEmpty()
                        .property("containerLinuxConfig", object().nonEmpty()
                                .property("additionalConfig", text(32768))
                                .property("strict", bool())));
    }

    /** A non-empty string of at most {@code max} characters, the most common bound in this API. */
    static Schema text(int max) {
        return string().length(1, max);
    }

    private static Schema commands() {
        return arrayOf(text(10240)).items(1, 1000).atomicList();
    }

    /** A key of a Secret in the KubeadmConfig's namespace. */
    private static Schema secretKey() {
        return object().require("secret", object()
                .require("name", text(253))
                .require("key", text(256)));
    }

    private static Schema file() {
        return object()
                .require("path", text(512))
                .property("owner", text(256))
                .property("permissions", text(16))
                .property("encoding", string().oneOf("base64", "gzip", "gzip+base64"))
                .property("append", bool())
                .property("content", text(10240))
                .property("contentFrom", secretKey())
                .property("contentFormat", string().oneOf("Raw", "Template"));
    }

    private static Schema user() {
        return object()
                .require("name", text(256))
                .property("gecos", text(256))
                .property("groups", text(256))
                .property("homeDir", text(256))
                .property("inactive", bool())
                .property("shell", text(256))
                .property("passwd", text(256))
                .property("passwdFrom", secretKey())
                .property("primaryGroup", text(256))
                .property("lockPassword", bool())
                .property("sudo", text(256))
                .property("sshAuthorizedKeys", arrayOf(text(2048)).maxItems(100).atomicList());
    }

    private static Schema diskSetup() {
        Schema layoutEntry = object()
                .require("percentage", int32().minimum(1).maximum(100))
                .property("partitionType", text(36).rule("self.matches('" + PARTITION_TYPE + "')",
                        "partitionType must be one of Linux, LinuxSwap, LinuxRAID, LVM, Fat32, NTFS, "
                                + "LinuxExtended or a full GPT partition GUID"));
        Schema partition = object()
                .require("device", text(256))
                .property("layout", bool())
                .property("diskLayout", arrayOf(layoutEntry).items(1, 100).atomicList())
                .property("overwrite", bool())
                .property("tableType", string().oneOf("mbr", "gpt"))
                .rule("[has(self.layout),has(self.diskLayout)].filter(x,x==true).size() == 1",
                        "exactly one of the fields in [layout diskLayout] must be set");
        Schema filesystem = object()
                .require("device", text(256))
                .require("filesystem", text(128))
                .property("label", text(512))
                .property("partition", text(128))
                .property("overwrite", bool())
                .property("replaceFS", text(128))
                .property("extraOpts", arrayOf(text(256)).maxItems(100).atomicList());
        return object().nonEmpty()
                .property("partitions", arrayOf(partition).maxItems(100).atomicList())
                .property("filesystems", arrayOf(filesystem).maxItems(100).atomicList());
    }
}
