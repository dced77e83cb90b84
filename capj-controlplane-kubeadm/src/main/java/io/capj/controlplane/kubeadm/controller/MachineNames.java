package io.capj.controlplane.kubeadm.controller;

import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control-plane Machine names from {@code spec.machineNaming.template}, as upstream's KCP name generator: the
 * template may use {@code {{ .kubeadmControlPlane.name }}}, {@code {{ .cluster.name }}} and {@code {{ .random }}}
 * (five characters of Kubernetes' random alphabet); a name over 63 characters is cut to 58 plus a fresh suffix.
 */
final class MachineNames {
    private static final int MAX_LENGTH = 63;
    private static final int RANDOM_LENGTH = 5;
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(\\.[A-Za-z.]+)\\s*-?}}");

    private MachineNames() {
    }

    static String generate(String template, String kcpName, String clusterName, RandomGenerator random) {
        Map<String, String> values = Map.of(".kubeadmControlPlane.name", kcpName, ".cluster.name", clusterName);
        Matcher m = ACTION.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            String variable = m.group(1);
            String value = ".random".equals(variable) ? random(random) : values.get(variable);
            if (value == null) {
                throw new IllegalArgumentException("cannot generate Machine name: unknown variable " + variable);
            }
            out.append(value);
            last = m.end();
        }
        String name = out.append(template.substring(last)).toString();
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH - RANDOM_LENGTH) + random(random) : name;
    }

    private static String random(RandomGenerator random) {
        StringBuilder s = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
