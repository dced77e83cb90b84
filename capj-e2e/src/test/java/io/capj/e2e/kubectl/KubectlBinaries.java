package io.capj.e2e.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the kubectl binaries on this machine: {@code kubectl} and {@code kubectl.1.N} in every PATH
 * directory and in the Google Cloud SDK directory (where Debian images keep one binary per minor version).
 * Each candidate is asked for its version, since a plain {@code kubectl} may be any version or a dispatcher.
 * Where one minor version has several binaries, the explicitly versioned one wins.
 */
public final class KubectlBinaries {
    private static final Path CLOUD_SDK_BIN = Path.of("/usr/lib/google-cloud-sdk/bin");
    private static final Pattern NAME = Pattern.compile("kubectl(\\.1\\.\\d+)?");
    private static final Pattern GIT_VERSION = Pattern.compile("^v1\\.(\\d+)\\.");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubectlBinaries() {
    }

    /**
     * The binaries the scenarios run with: the newest and the oldest found (one entry when they are the same).
     *
     * @throws IllegalStateException when the machine has no kubectl at all
     */
    public static List<KubectlBinary> newestAndOldest() {
        TreeMap<Integer, KubectlBinary> byMinor = discover();
        if (byMinor.isEmpty()) {
            throw new IllegalStateException("kubectl is required for the kubectl scenarios but none was found on "
                    + "PATH or in " + CLOUD_SDK_BIN + "; install kubectl (CI installs it) and run again");
        }
        Set<KubectlBinary> chosen = new LinkedHashSet<>();
        chosen.add(byMinor.lastEntry().getValue());
        chosen.add(byMinor.firstEntry().getValue());
        return List.copyOf(chosen);
    }

    /** Every working kubectl found, keyed by minor version. */
    static TreeMap<Integer, KubectlBinary> discover() {
        TreeMap<Integer, KubectlBinary> byMinor = new TreeMap<>();
        for (Path candidate : candidates()) {
            versionOf(candidate).ifPresent(minor -> byMinor.merge(minor, new KubectlBinary(candidate, minor),
                    (kept, other) -> isVersionedName(kept.path()) ? kept : other));
        }
        return byMinor;
    }

    private static List<Path> candidates() {
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                directories.add(Path.of(entry));
            }
        }
        directories.add(CLOUD_SDK_BIN);
        Map<Path, Path> byRealPath = new TreeMap<>();
        for (Path directory : directories) {
            for (Path file : kubectlFilesIn(directory)) {
                try {
                    byRealPath.putIfAbsent(file.toRealPath(), file);
                } catch (IOException e) {
                    // a dangling link is not a kubectl
                }
            }
        }
        return byRealPath.values().stream()
                .sorted(Comparator.comparing(KubectlBinaries::isVersionedName).reversed())
                .toList();
    }

    private static List<Path> kubectlFilesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isExecutable)
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to list " + directory, e);
        }
    }

    private static boolean isVersionedName(Path path) {
        return path.getFileName().toString().startsWith("kubectl.1.");
    }

    private static Optional<Integer> versionOf(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "version", "--client", "-o", "json")
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            JsonNode version = JSON.readTree(out).path("clientVersion");
            Matcher matcher = GIT_VERSION.matcher(version.path("gitVersion").asText());
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + binary + " for its version", e);
        }
    }
}
