package io.capj.bootstrap.kubeadm.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the machine runs kubeadm: the configuration file it writes and the command line between the user's
 * pre- and post-kubeadm commands. {@code init} reads ClusterConfiguration and InitConfiguration from
 * {@code /run/kubeadm/kubeadm.yaml}; {@code join} reads JoinConfiguration from
 * {@code /run/kubeadm/kubeadm-join-config.yaml}. The command touches the sentinel file Cluster API's
 * infrastructure providers watch for, and carries {@code --v N} when the spec sets a verbosity (the two
 * spaces left when it does not are upstream's, kept so commands compare equal).
 */
record KubeadmRun(String configPath, String configContent, String command) {
    static final String SENTINEL_COMMAND = "echo success > /run/cluster-api/bootstrap-success.complete";
    static final String INIT_CONFIG_PATH = "/run/kubeadm/kubeadm.yaml";
    static final String JOIN_CONFIG_PATH = "/run/kubeadm/kubeadm-join-config.yaml";

    static KubeadmRun of(BootstrapInput input, KubeadmApiVersion api) {
        JsonNode spec = input.spec();
        String verbosity = verbosityFlag(spec.path("verbosity"));
        if (input.role() == NodeRole.INIT) {
            String content = "---\n"
                    + YamlText.kubeadmDocument(ClusterConfigurationDocument.of(spec, input.cluster(), api))
                    + "---\n"
                    + YamlText.kubeadmDocument(InitConfigurationDocument.of(spec, api));
            return new KubeadmRun(INIT_CONFIG_PATH, content,
                    "kubeadm init --config " + INIT_CONFIG_PATH + " " + verbosity + " && " + SENTINEL_COMMAND);
        }
        String join = YamlText.kubeadmDocument(JoinConfigurationDocument.of(spec, input.role(), api));
        return new KubeadmRun(JOIN_CONFIG_PATH, input.role() == NodeRole.JOIN_WORKER ? "---\n" + join : join,
                "kubeadm join --config " + JOIN_CONFIG_PATH + " " + verbosity + " && " + SENTINEL_COMMAND);
    }

    private static String verbosityFlag(JsonNode verbosity) {
        return verbosity.isIntegralNumber() ? "--v " + verbosity.intValue() : "";
    }
}
