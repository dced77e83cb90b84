package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version read tolerantly, as Cluster API reads Kubernetes versions: surrounding blanks and a
 * leading {@code v} are dropped, leading zeros are removed and a missing minor or patch counts as zero
 * ({@code v1.31} is {@code 1.31.0}).
 */
record SemanticVersion(long major, long minor, long patch, String preRelease, String build) {
    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    /** Parses {@code text}, or returns null when it is not a version even read tolerantly. */
    static SemanticVersion parseTolerant(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("v")) {
            trimmed = trimmed.substring(1);
        }
        String[] parts = trimmed.split("\\.", 3);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = withoutLeadingZeros(parts[i]);
        }
        if (parts.length < 3 && (parts[parts.length - 1].contains("+") || parts[parts.length - 1].contains("-"))) {
            return null;
        }
        StringBuilder normalized = new StringBuilder(String.join(".", parts));
        for (int i = parts.length; i < 3; i++) {
            normalized.append(".0");
        }
        Matcher matcher = STRICT.matcher(normalized);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new SemanticVersion(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)), matcher.group(4), matcher.group(5));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private static String withoutLeadingZeros(String part) {
        if (part.length() <= 1) {
            return part;
        }
        String stripped = part.replaceFirst("^0+", "");
        if (stripped.isEmpty() || !Character.isDigit(stripped.charAt(0))) {
            return "0" + stripped;
        }
        return stripped;
    }

    /** Compares major, minor and patch only, ignoring pre-release and build as Cluster API does here. */
    int compareCore(long otherMajor, long otherMinor, long otherPatch) {
        if (major != otherMajor) {
            return Long.compare(major, otherMajor);
        }
        if (minor != otherMinor) {
            return Long.compare(minor, otherMinor);
        }
        return Long.compare(patch, otherPatch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch
                + (preRelease == null ? "" : "-" + preRelease)
                + (build == null ? "" : "+" + build);
    }
}
