package io.capj.core.machineset;

import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates Machine names from a MachineSet's {@code spec.machineNaming.template}, as upstream's
 * {@code MachineSetMachineNameGenerator}: the template may use {@code {{ .machineSet.name }}},
 * {@code {{ .cluster.name }}} and {@code {{ .random }}} (five characters of Kubernetes' random alphabet); a
 * name longer than 63 characters is cut to 58 and given a fresh random suffix. No other Go template feature is
 * supported (the webhook already rejects templates that use one).
 */
public final class MachineNaming {
    /** Upstream's default template. */
    public static final String DEFAULT_TEMPLATE = "{{ .machineSet.name }}-{{ .random }}";
    static final int MAX_NAME_LENGTH = 63;
    static final int RANDOM_LENGTH = 5;
    /** {@code k8s.io/apimachinery/pkg/util/rand}'s alphabet: no vowels, no confusable characters. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(\\.[A-Za-z.]+)\\s*-?}}");

    private MachineNaming() {
    }

    /** A new Machine name for {@code machineSetName} of {@code clusterName}; {@code template} empty means default. */
    public static String generate(String template, String clusterName, String machineSetName,
            RandomGenerator random) {
        String effective = template == null || template.isEmpty() ? DEFAULT_TEMPLATE : template;
        if (!effective.contains("{{ .random }}")) {
            throw new IllegalArgumentException(
                    "cannot generate Machine name: {{ .random }} is missing in machineNaming.template");
        }
        Supplier<String> randomSuffix = () -> randomString(random);
        String name = render(effective, Map.of(".machineSet.name", machineSetName, ".cluster.name", clusterName),
                randomSuffix);
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH - RANDOM_LENGTH) + randomSuffix.get();
        }
        return name;
    }

    static String render(String template, Map<String, String> values, Supplier<String> random) {
        Matcher m = ACTION.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            String variable = m.group(1);
            String value = ".random".equals(variable) ? random.get() : values.get(variable);
            if (value == null) {
                throw new IllegalArgumentException("cannot generate Machine name: unknown variable " + variable);
            }
            out.append(value);
            last = m.end();
        }
        return out.append(template.substring(last)).toString();
    }

    private static String randomString(RandomGenerator random) {
        StringBuilder s = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
