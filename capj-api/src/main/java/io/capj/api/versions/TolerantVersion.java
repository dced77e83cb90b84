package io.capj.api.versions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version read the tolerant way Cluster API reads Kubernetes versions and image tags: blanks and
 * a leading {@code v} are dropped, leading zeros removed, a missing minor or patch counts as zero, and (for
 * image tags, which cannot contain {@code +}) {@code _} stands for {@code +}.
 */
public record TolerantVersion(long major, long minor, long patch, String preRelease, String build) {
    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    /** Parses a version such as {@code v1.30}, {@code 1.30.2-rc.0}; empty when it is not one. */
    public static Optional<TolerantVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("v")) {
            trimmed = trimmed.substring(1);
        }
        String[] parts = trimmed.split("\\.", 3);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = withoutLeadingZeros(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parts.length < 3 && (last.contains("+") || last.contains("-"))) {
            return Optional.empty();
        }
        StringBuilder normalized = new StringBuilder(String.join(".", parts));
        for (int i = parts.length; i < 3; i++) {
            normalized.append(".0");
        }
        Matcher m = STRICT.matcher(normalized);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TolerantVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), m.group(4), m.group(5)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Parses an image tag, where {@code _} replaces the {@code +} of build metadata. */
    public static Optional<TolerantVersion> parseImageTag(String tag) {
        return parse(tag.replace('_', '+'));
    }

    /** Compares major, minor and patch only (upstream's {@code WithoutPreReleases}; build metadata never counts). */
    public int compareIgnoringPreRelease(TolerantVersion other) {
        if (major != other.major) {
            return Long.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Long.compare(minor, other.minor);
        }
        return Long.compare(patch, other.patch);
    }

    /** {@code major.minor.patch}. */
    public String majorMinorPatch() {
        return major + "." + minor + "." + patch;
    }

    /** {@code major.minor.patch[-preRelease][+build]}. */
    @Override
    public String toString() {
        return majorMinorPatch() + (preRelease == null ? "" : "-" + preRelease) + (build == null ? "" : "+" + build);
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
}
