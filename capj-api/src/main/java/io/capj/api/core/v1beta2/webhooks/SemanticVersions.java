package io.capj.api.core.v1beta2.webhooks;

import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes versions as Cluster API accepts them: a {@code v} prefix followed by a strict semantic version
 * (semver 2.0: no leading zeros, optional pre-release and build metadata).
 */
public final class SemanticVersions {
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String PRE_ID = "(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern STRICT = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER
            + "(-" + PRE_ID + "(\\." + PRE_ID + ")*)?"
            + "(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private SemanticVersions() {
    }

    /** True for {@code 1.2.3}, {@code 1.2.3-rc.1+build}; false for {@code 1.2}, {@code 01.2.3}, {@code 1.2.3++}. */
    public static boolean isStrictSemver(String version) {
        return STRICT.matcher(version).matches();
    }

    /** Prefixes {@code v} when missing, as upstream's defaulting does; empty stays empty. */
    public static String withLeadingV(String version) {
        return version.isEmpty() || version.startsWith("v") ? version : "v" + version;
    }

    /**
     * The errors for a set version on {@code field}: it must start with {@code v}, and without it parse as
     * semver ({@code semverMessage} differs between kinds upstream).
     */
    public static List<FieldError> validate(String field, String version, String semverMessage) {
        List<FieldError> errs = new ArrayList<>();
        if (!version.startsWith("v")) {
            errs.add(FieldError.invalid(field, version, "must start with v"));
        }
        String bare = version.startsWith("v") ? version.substring(1) : version;
        if (!isStrictSemver(bare)) {
            errs.add(FieldError.invalid(field, version, semverMessage));
        }
        return errs;
    }
}
