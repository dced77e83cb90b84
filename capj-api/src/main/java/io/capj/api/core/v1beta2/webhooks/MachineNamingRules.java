package io.capj.api.core.v1beta2.webhooks;

import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spec.machineNaming.template} of a MachineSet or MachineDeployment: it must contain
 * {@code {{ .random }}} (or Machines could collide), use only the variables upstream offers
 * ({@code .cluster.name}, {@code .machineSet.name}, {@code .random}), and render a valid object name.
 */
public final class MachineNamingRules {
    static final String RANDOM = "{{ .random }}";
    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
    private static final int MAX_NAME_LENGTH = 63;
    /** Length of the {@code .random} suffix. */
    public static final int RANDOM_LENGTH = 5;

    private MachineNamingRules() {
    }

    /** The variables a MachineSet's or MachineDeployment's template may use, with sample values. */
    static final Map<String, String> MACHINE_SET_VARIABLES = Map.of(".cluster.name", "cluster",
            ".machineSet.name", "machineset", ".random", "x".repeat(RANDOM_LENGTH));

    /** Validates a MachineSet or MachineDeployment template at {@code path}; empty means upstream's default. */
    public static List<FieldError> validate(String template, String path) {
        return validate(template, path, MACHINE_SET_VARIABLES);
    }

    /**
     * Validates a template at {@code path} (the {@code .template} field) whose owner offers {@code variables}
     * (name with leading dot, mapped to the sample value rendered in its place); empty means upstream's default.
     */
    public static List<FieldError> validate(String template, String path, Map<String, String> variables) {
        List<FieldError> errs = new ArrayList<>();
        if (template.isEmpty()) {
            return errs;
        }
        if (!template.contains(RANDOM)) {
            errs.add(FieldError.invalid(path, template, "invalid template, {{ .random }} is missing"));
        }
        String rendered;
        try {
            rendered = render(template, variables);
        } catch (IllegalArgumentException e) {
            errs.add(FieldError.invalid(path, template, "invalid template: " + e.getMessage()));
            return errs;
        }
        for (String msg : Names.dns1123Subdomain(rendered)) {
            errs.add(FieldError.invalid(path, template,
                    "invalid template, generated names would not be valid Kubernetes object names: " + msg));
        }
        return errs;
    }

    /** Substitutes {@code {{ .var }}} actions; names longer than 63 are cut and suffixed like upstream. */
    static String render(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        Matcher m = ACTION.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("rendering template: no value for " + m.group(1));
            }
            out.append(value);
            last = m.end();
        }
        String rest = template.substring(last);
        if (rest.contains("{{")) {
            throw new IllegalArgumentException("parsing template \"" + template + "\": unclosed action");
        }
        out.append(rest);
        String name = out.toString();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH - RANDOM_LENGTH) + "x".repeat(RANDOM_LENGTH);
        }
        return name;
    }
}
