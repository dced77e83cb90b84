package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud-config modules that prepare the host itself: {@code ntp}, {@code users}, {@code disk_setup},
 * {@code fs_setup} and {@code mounts}, each written only when the spec has something for it, with upstream's
 * keys and key order. Values keep their API types (strings stay strings); the two numeric codes cloud-init
 * wants as numbers (a disk layout's partition type such as Linux = 83, a filesystem's partition number) are
 * written as integers when they are all digits, as upstream's unquoted output reads back.
 */
final class HostSetup {
    private static final Map<String, String> PARTITION_TYPE_CODES = Map.of(
            "Linux", "83", "LinuxSwap", "82", "LinuxRAID", "fd", "LVM", "8e",
            "Fat32", "0c", "NTFS", "07", "LinuxExtended", "85");

    private HostSetup() {
    }

    static void addTo(YamlMapping cloudConfig, JsonNode spec) {
        cloudConfig.putNonEmpty("ntp", ntp(spec.path("ntp")))
                .putNonEmpty("users", users(spec.path("users")))
                .putNonEmpty("disk_setup", diskSetup(spec.path("diskSetup").path("partitions")))
                .putNonEmpty("fs_setup", fsSetup(spec.path("diskSetup").path("filesystems")))
                .putNonEmpty("mounts", mounts(spec.path("mounts")));
    }

    private static Map<String, Object> ntp(JsonNode ntp) {
        return new YamlMapping()
                .present("enabled", ntp, "enabled")
                .texts("servers", ntp, "servers")
                .toMap();
    }

    private static List<Object> users(JsonNode users) {
        List<Object> list = new ArrayList<>();
        for (JsonNode user : users) {
            String name = user.path("name").asText();
            if (!user.path("passwd").isTextual() && user.has("passwdFrom")) {
                throw new BootstrapRenderException("user \"" + name + "\": passwdFrom must be resolved into "
                        + "passwd before rendering");
            }
            list.add(new YamlMapping()
                    .put("name", name)
                    .text("passwd", user, "passwd")
                    .text("gecos", user, "gecos")
                    .text("groups", user, "groups")
                    .text("homedir", user, "homeDir")
                    .present("inactive", user, "inactive")
                    .present("lock_passwd", user, "lockPassword")
                    .text("shell", user, "shell")
                    .text("primary_group", user, "primaryGroup")
                    .text("sudo", user, "sudo")
                    .texts("ssh_authorized_keys", user, "sshAuthorizedKeys")
                    .toMap());
        }
        return list;
    }

    private static Map<String, Object> diskSetup(JsonNode partitions) {
        Map<String, Object> disks = new LinkedHashMap<>();
        for (JsonNode partition : partitions) {
            YamlMapping disk = new YamlMapping().text("table_type", partition, "tableType");
            if (partition.path("diskLayout").isArray()) {
                disk.put("layout", layout(partition.path("diskLayout")));
            } else {
                disk.present("layout", partition, "layout");
            }
            disks.put(partition.path("device").asText(), disk.present("overwrite", partition, "overwrite").toMap());
        }
        return disks;
    }

    /** Each entry is a percentage, or {@code [percentage, type code]} when a partition type is given. */
    private static List<Object> layout(JsonNode diskLayout) {
        List<Object> layout = new ArrayList<>();
        for (JsonNode entry : diskLayout) {
            int percentage = entry.path("percentage").asInt();
            String type = entry.path("partitionType").asText("");
            layout.add(type.isEmpty() ? percentage
                    : YamlText.flowSequence(percentage, numberIfDigits(PARTITION_TYPE_CODES.getOrDefault(type, type))));
        }
        return layout;
    }

    private static List<Object> fsSetup(JsonNode filesystems) {
        List<Object> list = new ArrayList<>();
        for (JsonNode filesystem : filesystems) {
            YamlMapping entry = new YamlMapping()
                    .text("label", filesystem, "label")
                    .put("filesystem", filesystem.path("filesystem").asText())
                    .put("device", filesystem.path("device").asText());
            String partition = filesystem.path("partition").asText("");
            list.add(entry.putNonEmpty("partition", partition.isEmpty() ? null : numberIfDigits(partition))
                    .present("overwrite", filesystem, "overwrite")
                    .text("replace_fs", filesystem, "replaceFS")
                    .texts("extra_opts", filesystem, "extraOpts")
                    .toMap());
        }
        return list;
    }

    private static List<Object> mounts(JsonNode mounts) {
        List<Object> list = new ArrayList<>();
        mounts.forEach(mount -> list.add(YamlText.flowSequence(texts(mount).toArray())));
        return list;
    }

    private static Object numberIfDigits(String value) {
        return value.matches("\\d{1,9}") ? (Object) Integer.parseInt(value) : value;
    }
}
