package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.BootstrapInputs.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** users, ntp, disk_setup, fs_setup and mounts. */
class CloudConfigHostSetupTest {

    @Test
    void usersCarryEveryFieldWithCloudInitNamesInUpstreamOrder() {
        RenderedCloudConfig out = render(NodeRole.JOIN_WORKER, "v1.33.0", """
                users:
                - name: capi
                  passwd: "$6$rounds=4096$salt$hash"
                  gecos: Cluster API
                  groups: "adm, sudo"
                  homeDir: /home/capi
                  inactive: true
                  lockPassword: false
                  shell: /bin/bash
                  primaryGroup: capi
                  sudo: "ALL=(ALL) NOPASSWD:ALL"
                  sshAuthorizedKeys: ["ssh-ed25519 AAAA key1", "ssh-rsa BBBB key2"]
                - name: "1000"
                """);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) out.root().get("users");
        assertThat(users.get(0).keySet()).containsExactly("name", "passwd", "gecos", "groups", "homedir",
                "inactive", "lock_passwd", "shell", "primary_group", "sudo", "ssh_authorized_keys");
        assertThat(users.get(0)).containsEntry("passwd", "$6$rounds=4096$salt$hash")
                .containsEntry("groups", "adm, sudo")
                .containsEntry("inactive", true)
                .containsEntry("lock_passwd", false)
                .containsEntry("sudo", "ALL=(ALL) NOPASSWD:ALL")
                .containsEntry("ssh_authorized_keys", List.of("ssh-ed25519 AAAA key1", "ssh-rsa BBBB key2"));
        assertThat(users.get(1)).isEqualTo(Map.of("name", "1000"));
    }

    @Test
    void unresolvedPasswdFromIsRefused() {
        assertThatThrownBy(() -> render(NodeRole.INIT, "v1.33.0", """
                users: [{name: capi, passwdFrom: {secret: {name: s, key: k}}}]
                """))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageContaining("user \"capi\": passwdFrom must be resolved");
    }

    @Test
    void ntpWritesEnabledAndServers() {
        assertThat(render(NodeRole.INIT, "v1.33.0", """
                ntp: {servers: [0.pool.ntp.org, time.example.com], enabled: false}
                """).root().get("ntp"))
                .isEqualTo(Map.of("enabled", false, "servers", List.of("0.pool.ntp.org", "time.example.com")));
    }

    @Test
    void diskLayoutUsesCloudInitPartitionTypeCodes() {
        Map<String, Object> disks = RenderedCloudConfig.map(render(NodeRole.INIT, "v1.33.0", """
                diskSetup:
                  partitions:
                  - device: /dev/sdb
                    tableType: gpt
                    overwrite: false
                    diskLayout:
                    - {percentage: 30, partitionType: Linux}
                    - {percentage: 20}
                    - {percentage: 25, partitionType: LinuxRAID}
                    - {percentage: 15, partitionType: NTFS}
                    - {percentage: 10, partitionType: 0fc63daf-8483-4772-8e79-3d69d8477de4}
                  - {device: /dev/sdc, layout: true}
                """).root().get("disk_setup"));

        Map<String, Object> expectedSdb = new LinkedHashMap<>();
        expectedSdb.put("table_type", "gpt");
        expectedSdb.put("layout", List.of(List.of(30, 83), 20, List.of(25, "fd"), List.of(15, 7),
                List.of(10, "0fc63daf-8483-4772-8e79-3d69d8477de4")));
        expectedSdb.put("overwrite", false);
        assertThat(disks).isEqualTo(Map.of("/dev/sdb", expectedSdb, "/dev/sdc", Map.of("layout", true)));
    }

    @Test
    void filesystemsAndMounts() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", """
                diskSetup:
                  filesystems:
                  - {device: /dev/sdb1, filesystem: ext4, label: etcd_disk, extraOpts: [-F, -E, "lazy_itable_init=1,lazy_journal_init=1"]}
                  - {device: /dev/sdc, filesystem: xfs, partition: "1", overwrite: true, replaceFS: ntfs}
                mounts:
                - [etcd_disk, /var/lib/etcd]
                - [/dev/sdc1, /data, auto, "defaults,nofail", "0", "2"]
                """);

        assertThat(out.root().get("fs_setup")).isEqualTo(List.of(
                Map.of("label", "etcd_disk", "filesystem", "ext4", "device", "/dev/sdb1",
                        "extra_opts", List.of("-F", "-E", "lazy_itable_init=1,lazy_journal_init=1")),
                Map.of("filesystem", "xfs", "device", "/dev/sdc", "partition", 1, "overwrite", true,
                        "replace_fs", "ntfs")));
        assertThat(out.root().get("mounts")).isEqualTo(List.of(List.of("etcd_disk", "/var/lib/etcd"),
                List.of("/dev/sdc1", "/data", "auto", "defaults,nofail", "0", "2")));
        assertThat(out.root()).doesNotContainKey("disk_setup");
    }

    @Test
    void absentSectionsAreNotWritten() {
        RenderedCloudConfig out = render(NodeRole.JOIN_WORKER, "v1.33.0", "ntp: {}");

        assertThat(out.root().keySet()).containsExactly("write_files", "runcmd");
    }
}
