package io.capj.bootstrap.kubeadm.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates rendered bootstrap data with the real {@code cloud-init schema}. The data starts with
 * {@code ## template: jinja}, as upstream's does; cloud-init never schema-checks that text directly: at boot
 * its jinja part handler drops the header and renders instance data first, and only the result (starting with
 * {@code #cloud-config}) is parsed as cloud-config. {@code cloud-init schema} of the 22.x line refuses a file
 * whose first line is not {@code #cloud-config}, so this test runs the same jinja step with cloud-init's own
 * renderer ({@code cloudinit.templater.render_string}, through {@code render-jinja-user-data.py}) with a
 * minimal instance data set, then validates the output. The specs reference instance data
 * ({@code {{ ds.meta_data.local_hostname }}}) so the step is real, not a header strip.
 *
 * <p>The specs leave out three things upstream also emits in a shape cloud-init's schema rejects, since the
 * v1beta2 API types them so: {@code users[].inactive} (a boolean in the API, a day count string in
 * cloud-init, which ignores a boolean), non-numeric disk layout partition types such as {@code LinuxRAID}
 * ({@code fd}; the 22.x schema wants integers) and numeric {@code fs_setup} partitions (the 22.x schema
 * accepts only auto/any/none there, though cc_disk_setup handles numbers).
 *
 * <p>If cloud-init is missing, the test installs it with {@code apt-get install -y cloud-init} (5 minutes at
 * most) and is skipped, saying why, when that fails.
 */
class CloudInitSchemaTest {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);
    private static final String INSTANCE_DATA = "{\"ds\": {\"meta_data\": {\"local_hostname\": \"node-1\"}},"
            + " \"v1\": {\"local_hostname\": \"node-1\"}}";

    private static final String HOST_SETUP = """
            files:
            - {path: /etc/sysctl.d/99-k8s.conf, owner: "root:root", permissions: "0644", content: "net.ipv4.ip_forward = 1"}
            - {path: /etc/motd, encoding: base64, content: aGVsbG8K}
            - {path: /etc/hosts, append: true, content: "10.0.0.1 api.example.com"}
            - path: /etc/kubernetes/cp-version
              contentFormat: Template
              content: "{{ if .controlPlane }}{{ .controlPlane.version }}{{ end }}"
            bootCommands: ["echo boot > /tmp/boot"]
            preKubeadmCommands: ["swapoff -a", "echo 'pre: done' >> /var/log/capi.log"]
            postKubeadmCommands: ["echo \\"post\\" >> /var/log/capi.log"]
            users:
            - name: capi
              gecos: Cluster API
              groups: "adm,sudo"
              homeDir: /home/capi
              shell: /bin/bash
              lockPassword: true
              primaryGroup: capi
              passwd: "$6$rounds=4096$salt$hash"
              sudo: "ALL=(ALL) NOPASSWD:ALL"
              sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl capi"]
            ntp: {enabled: true, servers: [0.pool.ntp.org, time.example.com]}
            diskSetup:
              partitions:
              - device: /dev/sdb
                tableType: gpt
                overwrite: false
                diskLayout: [{percentage: 60, partitionType: Linux}, {percentage: 40, partitionType: LinuxSwap}]
              filesystems:
              - {device: /dev/sdb1, filesystem: ext4, label: etcd_disk, partition: auto, overwrite: false, extraOpts: [-F]}
            mounts:
            - [etcd_disk, /var/lib/etcd]
            - [/dev/sdb2, none, swap, sw, "0", "0"]
            verbosity: 5
            """;

    private static Path cloudInit;
    private static String python;

    @BeforeAll
    static void findOrInstallCloudInit() throws Exception {
        cloudInit = findCloudInit();
        if (cloudInit == null) {
            ProcessOutput install = run(INSTALL_TIMEOUT, Map.of("DEBIAN_FRONTEND", "noninteractive"),
                    "apt-get", "install", "-y", "cloud-init");
            cloudInit = findCloudInit();
            assumeTrue(cloudInit != null, () -> "cloud-init is not installed and `apt-get install -y cloud-init` "
                    + "failed (exit " + install.exitCode() + "): " + install.tail());
        }
        python = interpreterOf(cloudInit);
        System.out.println("cloud-init schema check with " + run(COMMAND_TIMEOUT, Map.of(),
                cloudInit.toString(), "--version").output().strip());
    }

    @Test
    void controlPlaneInitPassesTheSchema(@TempDir Path dir) throws Exception {
        String spec = """
                clusterConfiguration:
                  apiServer: {certSANs: [api.example.com], extraArgs: [{name: cloud-provider, value: external}]}
                initConfiguration:
                  nodeRegistration:
                    name: "{{ ds.meta_data.local_hostname }}"
                    kubeletExtraArgs: [{name: cloud-provider, value: external}]
                """ + HOST_SETUP;
        String rendered = validate(dir, NodeRole.INIT, spec);

        assertThat(rendered).contains("name: 'node-1'").contains("kubeadm init --config /run/kubeadm/kubeadm.yaml --v 5");
    }

    @Test
    void workerJoinPassesTheSchema(@TempDir Path dir) throws Exception {
        String spec = """
                joinConfiguration:
                  nodeRegistration: {name: "{{ ds.meta_data.local_hostname }}"}
                  discovery:
                    bootstrapToken: {token: abcdef.0123456789abcdef, apiServerEndpoint: "10.0.0.1:6443", caCertHashes: ["sha256:0123"]}
                """ + HOST_SETUP;
        String rendered = validate(dir, NodeRole.JOIN_WORKER, spec);

        assertThat(rendered).contains("name: 'node-1'").contains("node.cluster.x-k8s.io/uninitialized");
    }

    /** Renders, runs cloud-init's jinja step, checks the schema; returns the cloud-config cloud-init parses. */
    private static String validate(Path dir, NodeRole role, String specYaml) throws Exception {
        BootstrapInput input = new BootstrapInput(role, BootstrapInputs.spec(specYaml),
                BootstrapInputs.facts("v1.33.0"), BootstrapInputs.CERTIFICATES, "v1.33.0");
        Path userData = Files.writeString(dir.resolve("user-data"), CloudConfig.render(input));
        Path cloudConfig = dir.resolve("cloud-config.yaml");
        Path script = dir.resolve("render-jinja-user-data.py");
        try (InputStream resource = CloudInitSchemaTest.class.getResourceAsStream("/cloudinit/render-jinja-user-data.py")) {
            Files.copy(resource, script);
        }

        ProcessOutput jinja = run(COMMAND_TIMEOUT, Map.of(), python, script.toString(), userData.toString(),
                cloudConfig.toString(), INSTANCE_DATA);
        assertThat(jinja.exitCode()).as("jinja rendering: %s", jinja.output()).isZero();
        String rendered = Files.readString(cloudConfig);
        assertThat(rendered).startsWith("#cloud-config\n").doesNotContain("CI_MISSING_JINJA_VAR");

        ProcessOutput schema = run(COMMAND_TIMEOUT, Map.of(), cloudInit.toString(), "schema", "--config-file",
                cloudConfig.toString());
        assertThat(schema.exitCode()).as("cloud-init schema output:%n%s%nfor:%n%s", schema.output(), rendered).isZero();
        assertThat(schema.output()).contains("Valid cloud-config");
        return rendered;
    }

    private static Path findCloudInit() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
        for (String directory : path.split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "cloud-init");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The Python cloud-init runs with, from its script's {@code #!} line, so its modules import. */
    private static String interpreterOf(Path script) throws IOException {
        String firstLine = Files.readAllLines(script, StandardCharsets.ISO_8859_1).stream().findFirst().orElse("");
        if (!firstLine.startsWith("#!")) {
            return "python3";
        }
        List<String> words = List.of(firstLine.substring(2).strip().split("\\s+"));
        return words.get(0).endsWith("/env") && words.size() > 1 ? words.get(1) : words.get(0);
    }

    private record ProcessOutput(int exitCode, String output) {
        String tail() {
            String[] lines = output.strip().split("\n");
            return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 5), lines.length));
        }
    }

    private static ProcessOutput run(Duration timeout, Map<String, String> environment, String... command)
            throws InterruptedException {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("cloud-init-test", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            return new ProcessOutput(-1, "cannot run " + command[0] + ": " + e.getMessage());
        }
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output;
        try {
            output = Files.readString(log);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            output = "(output unreadable: " + e.getMessage() + ")";
        }
        return finished ? new ProcessOutput(process.exitValue(), output)
                : new ProcessOutput(-1, "timed out after " + timeout + ": " + output);
    }
}
