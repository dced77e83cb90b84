package io.capj.bench.write;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The JSON bodies of the creates: every body has exactly {@code bodyBytes} bytes and a unique, fixed-width
 * name ({@code w007-000001234}: client 7, its 1234th create). The body is made once as a template, so the
 * client spends its CPU on HTTP, not on building JSON; the server still parses, validates and stores a
 * realistic object (typed spec fields, labels, a list, and a free-form payload of small objects padded with
 * one string to the exact size).
 */
public final class CreateBodies {
    private static final String NAME_SLOT = "@@@@@@@@@@@@@@";
    private static final int NOTES = 12;

    private final String prefix;
    private final String suffix;
    private final int bodyBytes;

    /** Bodies of exactly {@code bodyBytes} bytes; throws when that is too small for the fixed fields. */
    public CreateBodies(int bodyBytes) {
        String unpadded = template("");
        int padding = bodyBytes - unpadded.getBytes(StandardCharsets.UTF_8).length;
        if (padding < 0) {
            throw new IllegalArgumentException("body size " + bodyBytes + " is below the minimum "
                    + unpadded.length());
        }
        String full = template(filler(padding));
        int slot = full.indexOf(NAME_SLOT);
        this.prefix = full.substring(0, slot);
        this.suffix = full.substring(slot + NAME_SLOT.length());
        this.bodyBytes = bodyBytes;
    }

    /** The unique object name of {@code client}'s {@code sequence}-th create (client below 1000). */
    public static String name(int client, long sequence) {
        StringBuilder name = new StringBuilder(NAME_SLOT.length()).append('w');
        appendPadded(name, client, 3);
        name.append('-');
        appendPadded(name, sequence, 9);
        return name.toString();
    }

    /** The body creating an object named {@code name} (as {@link #name(int, long)} returns). */
    public String body(String name) {
        if (name.length() != NAME_SLOT.length()) {
            throw new IllegalArgumentException("name must have " + NAME_SLOT.length() + " characters: " + name);
        }
        return prefix + name + suffix;
    }

    public int bodyBytes() {
        return bodyBytes;
    }

    private static String template(String filler) {
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < NOTES; i++) {
            notes.append(i == 0 ? "" : ",")
                    .append("{\"key\":\"note-").append(i).append("\",\"value\":\"observation ").append(i)
                    .append(" recorded by the write benchmark\",\"weight\":").append(i * 7).append('}');
        }
        return "{\"apiVersion\":\"" + BenchItemKind.GROUP + "/" + BenchItemKind.VERSION + "\",\"kind\":\""
                + BenchItemKind.KIND + "\",\"metadata\":{\"name\":\"" + NAME_SLOT + "\",\"labels\":{"
                + "\"app.kubernetes.io/name\":\"write-bench\",\"app.kubernetes.io/part-of\":\"capj-bench\"},"
                + "\"annotations\":{\"bench.capj.io/purpose\":\"load\"}},"
                + "\"spec\":{\"replicas\":3,\"image\":\"registry.example.com/capj/bench-item:v1.2.3\","
                + "\"tier\":\"standard\",\"paused\":false,"
                + "\"ports\":[{\"name\":\"http\",\"port\":8080},{\"name\":\"metrics\",\"port\":9090}],"
                + "\"payload\":{\"notes\":[" + notes + "],\"filler\":\"" + filler + "\"}}}";
    }

    private static String filler(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static void appendPadded(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        out.append("0".repeat(width - digits.length())).append(digits);
    }
}
