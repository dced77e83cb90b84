package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes the output documents as YAML text. Multi-line strings become literal blocks (as upstream writes file
 * contents), lines are never folded, and strings that would read back as another type are quoted.
 * {@link #kubeadmDocument} sorts keys at every level and leaves lists unindented, as kubeadm's own encoder does;
 * {@link #cloudConfig} keeps the given key order and indents lists under their key.
 */
final class YamlText {
    private static final Yaml KUBEADM = yaml(false);
    private static final Yaml CLOUD_CONFIG = yaml(true);

    private YamlText() {
    }

    /** A list written in flow style ({@code [30, 83]}), for short tuples such as a disk layout entry. */
    static List<Object> flowSequence(Object... items) {
        return new FlowSequence(List.of(items));
    }

    static String kubeadmDocument(Map<String, Object> document) {
        return KUBEADM.dump(sorted(document));
    }

    static String cloudConfig(Map<String, Object> document) {
        return CLOUD_CONFIG.dump(document);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(key), sorted(entry)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(entry -> copy.add(sorted(entry)));
            return copy;
        }
        return value;
    }

    private static Yaml yaml(boolean indentLists) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(FlowStyle.BLOCK);
        options.setIndent(2);
        if (indentLists) {
            options.setIndicatorIndent(2);
            options.setIndentWithIndicator(true);
        }
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return new Yaml(new LiteralBlockRepresenter(options), options);
    }

    /** Represents strings containing a line break as literal blocks; the emitter falls back to quotes if it must. */
    private static final class LiteralBlockRepresenter extends Representer {
        LiteralBlockRepresenter(DumperOptions options) {
            super(options);
            Represent plainString = representers.get(String.class);
            representers.put(String.class, data -> ((String) data).indexOf('\n') >= 0
                    ? representScalar(Tag.STR, (String) data, ScalarStyle.LITERAL)
                    : plainString.representData(data));
            representers.put(FlowSequence.class,
                    data -> representSequence(Tag.SEQ, (FlowSequence) data, FlowStyle.FLOW));
        }
    }

    private static final class FlowSequence extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        FlowSequence(List<Object> items) {
            super(items);
        }
    }
}
