package io.capj.bootstrap.kubeadm.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** A rendered cloud-config read back as YAML, with accessors for what the tests look at. */
record RenderedCloudConfig(String text, Map<String, Object> root) {

    static RenderedCloudConfig parse(String text) {
        assertThat(text).startsWith(CloudConfig.HEADER);
        Map<String, Object> root = new Yaml().load(text);
        return new RenderedCloudConfig(text, root);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> writeFiles() {
        return (List<Map<String, Object>>) root.get("write_files");
    }

    List<String> paths() {
        return writeFiles().stream().map(file -> (String) file.get("path")).toList();
    }

    Map<String, Object> file(String path) {
        return writeFiles().stream().filter(file -> path.equals(file.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no write_files entry " + path + " in " + paths()));
    }

    String content(String path) {
        return (String) file(path).get("content");
    }

    @SuppressWarnings("unchecked")
    List<String> runcmd() {
        return (List<String>) root.get("runcmd");
    }

    /** The YAML documents of a written file, e.g. the kubeadm configuration. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> documents(String path) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(content(path)).forEach(document -> documents.add((Map<String, Object>) document));
        return documents;
    }

    Map<String, Object> kubeadm(String kind) {
        String path = paths().contains(KubeadmRun.JOIN_CONFIG_PATH) ? KubeadmRun.JOIN_CONFIG_PATH
                : KubeadmRun.INIT_CONFIG_PATH;
        return documents(path).stream().filter(document -> kind.equals(document.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + content(path)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
