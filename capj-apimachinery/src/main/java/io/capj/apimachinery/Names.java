package io.capj.apimachinery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's name and label syntax rules, returning upstream's error texts (empty list = valid).
 */
public final class Names {
    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final Pattern LABEL = Pattern.compile(DNS1123_LABEL);
    private static final Pattern SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN);
    private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED = Pattern.compile(QUALIFIED_NAME);
    private static final Pattern LABEL_VALUE = Pattern.compile("(" + QUALIFIED_NAME + ")?");

    private Names() {
    }

    /** A DNS-1123 subdomain: at most 253 characters of {@code [a-z0-9.-]}, alphanumeric at both ends. */
    public static List<String> dns1123Subdomain(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 253) {
            errs.add("must be no more than 253 characters");
        }
        if (!SUBDOMAIN.matcher(value).matches()) {
            errs.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.',"
                    + " and must start and end with an alphanumeric character (e.g. 'example.com', regex used for"
                    + " validation is '" + DNS1123_SUBDOMAIN + "')");
        }
        return errs;
    }

    /** A DNS-1123 label: at most 63 characters of {@code [a-z0-9-]}, alphanumeric at both ends. */
    public static List<String> dns1123Label(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 63) {
            errs.add("must be no more than 63 characters");
        }
        if (!LABEL.matcher(value).matches()) {
            errs.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must"
                    + " start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for"
                    + " validation is '" + DNS1123_LABEL + "')");
        }
        return errs;
    }

    /** A qualified name such as a label or annotation key: optional DNS subdomain prefix and {@code /}, then a name. */
    public static List<String> qualifiedName(String value) {
        List<String> errs = new ArrayList<>();
        String name = value;
        int slash = value.lastIndexOf('/');
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(e -> errs.add("prefix part " + e));
            }
            if (value.indexOf('/') != slash) {
                errs.add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start"
                        + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
                        + " used for validation is '" + QUALIFIED_NAME + "') with an optional DNS subdomain prefix"
                        + " and '/' (e.g. 'example.com/MyName')");
                return errs;
            }
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errs.add("name part must be no more than 63 characters");
        }
        if (!name.isEmpty() && !QUALIFIED.matcher(name).matches()) {
            errs.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
                    + " an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                    + " validation is '" + QUALIFIED_NAME + "')");
        }
        return errs;
    }

    /** A label value: empty, or at most 63 characters of a qualified name's name part. */
    public static List<String> labelValue(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 63) {
            errs.add("must be no more than 63 characters");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errs.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                    + " and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                    + " '12345', regex used for validation is '(" + QUALIFIED_NAME + ")?')");
        }
        return errs;
    }
}
