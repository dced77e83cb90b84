package io.capj.bootstrap.kubeadm.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Renders a machine's bootstrap data as cloud-init cloud-config, the text the KubeadmConfig controller stores
 * under the bootstrap Secret's {@code value} key. The layout is upstream's: the {@code ## template: jinja}
 * header (cloud-init renders instance data such as {@code {{ ds.meta_data.local_hostname }}} before parsing),
 * then {@code write_files} (certificates for control plane machines, the spec's files with Template ones
 * rendered, the discovery kubeconfig, the kubeadm configuration file, the {@code /run/cluster-api} placeholder),
 * {@code bootcmd}, {@code runcmd} (pre-kubeadm commands, {@code kubeadm init} or {@code kubeadm join} touching
 * the bootstrap sentinel file, post-kubeadm commands), then {@code ntp}, {@code users}, {@code disk_setup},
 * {@code fs_setup} and {@code mounts}. Worker joins never carry certificates and register with Cluster API's
 * uninitialized taint. The {@code ignition} format is refused.
 */
public final class CloudConfig {
    /** The first two lines of every rendered cloud-config. */
    public static final String HEADER = "## template: jinja\n#cloud-config\n";

    private CloudConfig() {
    }

    /**
     * The complete cloud-config for {@code input}.
     *
     * @throws BootstrapRenderException when the input cannot be rendered: ignition format, a Kubernetes version
     *                                  below v1.22 or unparseable, a bad or unsupported file template, an
     *                                  unresolved {@code contentFrom}/{@code passwdFrom}, or a worker whose
     *                                  JoinConfiguration has a control plane section
     */
    public static String render(BootstrapInput input) {
        JsonNode spec = input.spec();
        if ("ignition".equals(spec.path("format").asText())) {
            throw new BootstrapRenderException("format ignition is not supported: this bootstrap provider "
                    + "renders cloud-config only");
        }
        KubeadmApiVersion api = KubeadmApiVersion.forKubernetesVersion(input.cluster().kubernetesVersion());
        KubeadmRun kubeadm = KubeadmRun.of(input, api);
        YamlMapping cloudConfig = new YamlMapping()
                .put("write_files", WriteFiles.of(input, kubeadm))
                .texts("bootcmd", spec, "bootCommands")
                .put("runcmd", runCommands(spec, kubeadm));
        HostSetup.addTo(cloudConfig, spec);
        return HEADER + YamlText.cloudConfig(cloudConfig.toMap());
    }

    private static List<String> runCommands(JsonNode spec, KubeadmRun kubeadm) {
        List<String> commands = YamlMapping.texts(spec.path("preKubeadmCommands"));
        commands.add(kubeadm.command());
        commands.addAll(YamlMapping.texts(spec.path("postKubeadmCommands")));
        return commands;
    }
}
