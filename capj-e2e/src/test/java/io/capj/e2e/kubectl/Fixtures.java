package io.capj.e2e.kubectl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML manifests under {@code src/test/resources/kubectl/}, rendered to files kubectl can {@code -f}.
 * Templates use {@code ${key}} placeholders; every placeholder must be given a value, so a typo in a test
 * fails loudly instead of sending a half-rendered manifest.
 */
final class Fixtures {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private final Path directory;
    private final AtomicInteger rendered = new AtomicInteger();

    Fixtures(Path directory) {
        this.directory = directory;
    }

    /** Renders {@code kubectl/NAME} with {@code values} into a new file and returns its path. */
    String render(String name, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(read(name));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("fixture " + name + " needs a value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        Path file = directory.resolve(rendered.incrementAndGet() + "-" + name);
        try {
            Files.createDirectories(directory);
            return Files.writeString(file, out.toString()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write fixture " + file, e);
        }
    }

    /** Renders a manifest that has no placeholders. */
    String render(String name) {
        return render(name, Map.of());
    }

    private static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kubectl/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture kubectl/" + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read fixture kubectl/" + name, e);
        }
    }
}
