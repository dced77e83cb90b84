package io.capj.apimachinery.schema;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A named Kubernetes string format of CEL's format library ({@code format.dns1123Label().validate(s)}): the runtime
 * value of the {@code kubernetes.NamedFormat} type. {@link #validate} returns apimachinery's messages, empty when the
 * string is valid.
 */
record NamedFormat(String name, Function<String, List<String>> check) {
    private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
    private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String VALUE_FMT = "(" + KEY_FMT + ")?";
    private static final Pattern LABEL = Pattern.compile("^" + LABEL_FMT + "$");
    private static final Pattern SUBDOMAIN = Pattern.compile("^" + SUBDOMAIN_FMT + "$");
    private static final Pattern DNS1035 = Pattern.compile("^" + DNS1035_FMT + "$");
    private static final Pattern KEY = Pattern.compile("^" + KEY_FMT + "$");
    private static final Pattern VALUE = Pattern.compile("^" + VALUE_FMT + "$");
    private static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character";
    private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters "
            + "or '-', start with an alphabetic character, and end with an alphanumeric character";
    private static final String KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start "
            + "and end with an alphanumeric character";
    private static final String VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    /** The formats by the names {@code format.named()} accepts. */
    static final Map<String, NamedFormat> ALL = Map.ofEntries(
            entry("dns1123Label", NamedFormat::dns1123Label),
            entry("dns1123Subdomain", NamedFormat::dns1123Subdomain),
            entry("dns1035Label", NamedFormat::dns1035Label),
            entry("qualifiedName", NamedFormat::qualifiedName),
            entry("dns1123LabelPrefix", s -> dns1123Label(maskTrailingDash(s))),
            entry("dns1123SubdomainPrefix", s -> dns1123Subdomain(maskTrailingDash(s))),
            entry("dns1035LabelPrefix", s -> dns1035Label(maskTrailingDash(s))),
            entry("labelValue", NamedFormat::labelValue),
            entry("uri", s -> message(KubernetesUrl::isValid, s, null)),
            entry("uuid", s -> message(v -> Formats.valid("uuid", v), s, "does not match the UUID format")),
            entry("byte", s -> message(v -> Formats.valid("byte", v), s, "invalid base64")),
            entry("date", s -> message(Formats::isDate, s, "invalid date")),
            entry("datetime", s -> message(Formats::isDateTime, s, "invalid datetime")));

    List<String> validate(String s) {
        return check.apply(s);
    }

    private static Map.Entry<String, NamedFormat> entry(String name, Function<String, List<String>> check) {
        return Map.entry(name, new NamedFormat(name, check));
    }

    private static List<String> message(java.util.function.Predicate<String> valid, String s, String message) {
        if (valid.test(s)) {
            return List.of();
        }
        if (message == null) {
            try {
                KubernetesUrl.parse(s);
            } catch (IllegalArgumentException e) {
                return List.of(e.getMessage());
            }
        }
        return List.of(message);
    }

    private static List<String> dns1123Label(String s) {
        List<String> errs = new ArrayList<>();
        if (s.length() > 63) {
            errs.add(maxLen(63));
        }
        if (!LABEL.matches(s)) {
            errs.add(SUBDOMAIN.matches(s) ? "must not contain dots"
                    : regexError(LABEL_MSG, LABEL_FMT, "my-name", "123-abc"));
        }
        return errs;
    }

    private static List<String> dns1123Subdomain(String s) {
        List<String> errs = new ArrayList<>();
        if (s.length() > 253) {
            errs.add(maxLen(253));
        }
        if (!SUBDOMAIN.matches(s)) {
            errs.add(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    private static List<String> dns1035Label(String s) {
        List<String> errs = new ArrayList<>();
        if (s.length() > 63) {
            errs.add(maxLen(63));
        }
        if (!DNS1035.matches(s)) {
            errs.add(regexError(DNS1035_MSG, DNS1035_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    private static List<String> qualifiedName(String s) {
        String[] parts = s.split("/", -1);
        if (parts.length > 2) {
            return List.of("a valid label key " + regexError(KEY_MSG, KEY_FMT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        }
        List<String> errs = new ArrayList<>();
        String name = parts[parts.length - 1];
        if (parts.length == 2 && parts[0].isEmpty()) {
            errs.add("prefix part must be non-empty");
        } else if (parts.length == 2) {
            dns1123Subdomain(parts[0]).forEach(m -> errs.add("prefix part " + m));
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errs.add("name part " + maxLen(63));
        }
        if (!KEY.matches(name)) {
            errs.add("name part " + regexError(KEY_MSG, KEY_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    private static List<String> labelValue(String s) {
        List<String> errs = new ArrayList<>();
        if (s.length() > 63) {
            errs.add(maxLen(63));
        }
        if (!VALUE.matches(s)) {
            errs.add(regexError(VALUE_MSG, VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /** Prefixes of generated names may end in a dash; apimachinery checks them as if it were a letter. */
    private static String maskTrailingDash(String s) {
        return s.length() > 1 && s.endsWith("-") ? s.substring(0, s.length() - 1) + "a" : s;
    }

    private static String maxLen(int n) {
        return "must be no more than " + n + " characters";
    }

    private static String regexError(String msg, String fmt, String... examples) {
        StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            b.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
        }
        return b.append("regex used for validation is '").append(fmt).append("')").toString();
    }
}
