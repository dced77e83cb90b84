package io.capj.apimachinery.selector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Label key and value syntax (apimachinery's {@code IsLabelKey}/{@code IsLabelValue}); each check returns
 * upstream's messages, empty when valid. Lengths count UTF-8 bytes, as Go's {@code len} does.
 */
final class LabelSyntax {
    private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character";
    private static final String VALUE_FMT = "(" + NAME_FMT + ")?";
    private static final String VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final Pattern NAME = Pattern.compile(NAME_FMT);
    private static final Pattern VALUE = Pattern.compile(VALUE_FMT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
    private static final int NAME_MAX = 63;
    private static final int SUBDOMAIN_MAX = 253;

    private LabelSyntax() {
    }

    /** Problems with a label key ({@code [prefix/]name}). */
    static List<String> keyErrors(String key) {
        List<String> errs = new ArrayList<>();
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            errs.add("a valid label key " + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        String name = parts[parts.length - 1];
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                subdomainErrors(prefix).forEach(m -> errs.add("prefix part " + m));
            }
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (bytes(name) > NAME_MAX) {
            errs.add("name part must be no more than " + NAME_MAX + " bytes");
        }
        if (!NAME.matcher(name).matches()) {
            errs.add("name part " + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /** Problems with a label value (may be empty). */
    static List<String> valueErrors(String value) {
        List<String> errs = new ArrayList<>();
        if (bytes(value) > NAME_MAX) {
            errs.add("must be no more than " + NAME_MAX + " bytes");
        }
        if (!VALUE.matcher(value).matches()) {
            errs.add(regexError(VALUE_MSG, VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    private static List<String> subdomainErrors(String value) {
        List<String> errs = new ArrayList<>();
        if (bytes(value) > SUBDOMAIN_MAX) {
            errs.add("must be no more than " + SUBDOMAIN_MAX + " bytes");
        }
        if (!SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** Upstream's {@code RegexError}, including its double space after each example. */
    private static String regexError(String msg, String regex, String... examples) {
        StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                b.append(" or ");
            }
            b.append('\'').append(examples[i]).append("', ");
        }
        return b.append("regex used for validation is '").append(regex).append("')").toString();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
