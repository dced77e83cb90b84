package io.capj.apimachinery.schema;

import com.google.re2j.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The string formats CRDs may validate, with the semantics of kube-openapi's {@code strfmt} registry (Go's
 * {@code net}, {@code net/url}, {@code net/mail} and govalidator rules). Format names are normalized like go-openapi
 * does ({@code date-time} and {@code datetime} are the same); formats not listed here are not validated.
 */
final class Formats {
    private static final Pattern HOSTNAME = Pattern.compile("^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]"
            + "{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}"
            + "([a-zA-Z\\p{L}]){2,63})$");
    private static final Pattern UUID = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?"
            + "[0-9a-f]{12}$");
    private static final Pattern UUID3 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?"
            + "[0-9a-f]{12}$");
    private static final Pattern UUID4 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab]"
            + "[0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern UUID5 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab]"
            + "[0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern BASE64 = Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|"
            + "[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$");
    private static final Pattern TIME_OF_DAY = Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?"
            + "(z|([+-][0-9]{2}:[0-9]{2}))$");
    private static final Pattern EMAIL = Pattern.compile("^(?:[^<>@]*<)?[^\\s<>@\"]+@[^\\s<>@\"]+\\.?[^\\s<>@\"]*>?$");
    private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
    private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
    private static final String RGB_PART = "\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*";
    private static final Pattern RGB_COLOR = Pattern.compile("^rgb\\(" + RGB_PART + "," + RGB_PART + ","
            + RGB_PART + "\\)$");
    private static final Pattern BSON_OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
    private static final Pattern SHORT_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern LONG_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]"
            + "([-a-z0-9]*[a-z0-9])?)*$");

    private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
            Map.entry("bsonobjectid", s -> BSON_OBJECT_ID.matches(s)),
            Map.entry("uri", KubernetesUrl::isValid),
            Map.entry("email", s -> EMAIL.matches(s)),
            Map.entry("hostname", Formats::isHostname),
            Map.entry("ipv4", s -> NetworkFormats.isIp(s) && s.contains(".")),
            Map.entry("ipv6", s -> NetworkFormats.isIp(s) && s.contains(":")),
            Map.entry("cidr", NetworkFormats::isCidr),
            Map.entry("mac", NetworkFormats::isMac),
            Map.entry("uuid", s -> UUID.matches(s)),
            Map.entry("uuid3", s -> UUID3.matches(s)),
            Map.entry("uuid4", s -> UUID4.matches(s)),
            Map.entry("uuid5", s -> UUID5.matches(s)),
            Map.entry("isbn", s -> ChecksumFormats.isIsbn10(s) || ChecksumFormats.isIsbn13(s)),
            Map.entry("isbn10", ChecksumFormats::isIsbn10),
            Map.entry("isbn13", ChecksumFormats::isIsbn13),
            Map.entry("creditcard", ChecksumFormats::isCreditCard),
            Map.entry("ssn", s -> SSN.matches(s)),
            Map.entry("hexcolor", s -> HEX_COLOR.matches(s)),
            Map.entry("rgbcolor", s -> RGB_COLOR.matches(s)),
            Map.entry("byte", s -> BASE64.matches(s)),
            Map.entry("password", s -> true),
            Map.entry("date", Formats::isDate),
            Map.entry("duration", s -> GoDurations.parse(s) != null),
            Map.entry("datetime", Formats::isDateTime),
            Map.entry("k8sshortname", s -> s.length() <= 63 && SHORT_NAME.matches(s)),
            Map.entry("k8slongname", s -> s.length() <= 253 && LONG_NAME.matches(s)));

    private Formats() {
    }

    /** True if {@code value} satisfies {@code format}; unknown formats accept everything. */
    static boolean valid(String format, String value) {
        Predicate<String> check = CHECKS.get(format.replace("-", ""));
        return check == null || check.test(value);
    }

    static boolean isDate(String s) {
        if (s.length() != 10) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** strfmt's check: a valid date, a {@code t}, then a time of day with a zone. */
    static boolean isDateTime(String s) {
        if (s.length() < 4) {
            return false;
        }
        String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        com.google.re2j.Matcher m = TIME_OF_DAY.matcher(parts[1]);
        return m.find() && m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0
                && m.group(3).compareTo("59") <= 0;
    }

    private static boolean isHostname(String s) {
        if (!HOSTNAME.matches(s) || s.length() > 255) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.length() > 63) {
                return false;
            }
        }
        return true;
    }
}
