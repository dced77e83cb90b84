package io.capj.bootstrap.kubeadm.cloudinit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.yaml.snakeyaml.Yaml;

/** Test inputs: KubeadmConfig specs written as YAML, the Cluster facts and certificate files. */
final class BootstrapInputs {
    static final String ENDPOINT = "10.0.0.1:6443";
    static final List<CertificateFile> CERTIFICATES = List.of(
            new CertificateFile("/etc/kubernetes/pki/ca.crt", "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n", "0640"),
            new CertificateFile("/etc/kubernetes/pki/ca.key", "-----BEGIN RSA PRIVATE KEY-----\nKEY\n-----END RSA PRIVATE KEY-----\n", "0600"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private BootstrapInputs() {
    }

    /** A spec from YAML text; blank text is {@code {}}. */
    static ObjectNode spec(String yaml) {
        Object loaded = new Yaml().load(yaml);
        return loaded == null ? JSON.createObjectNode() : JSON.valueToTree(loaded);
    }

    static ClusterFacts facts(String kubernetesVersion) {
        return new ClusterFacts("my-cluster", ENDPOINT, kubernetesVersion, "cluster.local", "192.168.0.0/16",
                "10.96.0.0/12");
    }

    static BootstrapInput input(NodeRole role, String kubernetesVersion, String specYaml) {
        return new BootstrapInput(role, spec(specYaml), facts(kubernetesVersion), CERTIFICATES, "v1.33.1");
    }

    static RenderedCloudConfig render(NodeRole role, String kubernetesVersion, String specYaml) {
        return RenderedCloudConfig.parse(CloudConfig.render(input(role, kubernetesVersion, specYaml)));
    }
}
