package io.capj.apiserver.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's {@code --token-auth-file}: CSV lines {@code token,user,uid,"group1,group2"} (the groups
 * column is optional, extra columns are ignored, blank lines are skipped). Lookups compare SHA-256 digests
 * with {@link MessageDigest#isEqual} over every entry, so the time taken says nothing about how much of a
 * guess was right. The file is re-read when its modification time or size changes, checked at most once
 * per {@link #RECHECK_INTERVAL} so that a busy server does not stat it on every request.
 */
final class StaticTokenFile {
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StaticTokenFile.class);

    /** One line of the file. */
    record Entry(String token, UserInfo user) {
    }

    private record Digested(byte[] digest, UserInfo user) {
    }

    private record Snapshot(Instant modified, long size, List<Digested> entries) {
    }

    private final Path file;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant nextCheck;

    StaticTokenFile(Path file, Clock clock) throws IOException {
        this.file = file;
        this.clock = clock;
        this.snapshot = read(file);
        this.nextCheck = clock.instant().plus(RECHECK_INTERVAL);
    }

    /** The user owning {@code token}, if any line carries it. */
    Optional<UserInfo> lookup(String token) {
        byte[] presented = sha256(token);
        UserInfo found = null;
        for (Digested entry : current().entries()) {
            // No early exit: every lookup does the same work whether or not it matches.
            if (MessageDigest.isEqual(entry.digest(), presented) && found == null) {
                found = entry.user();
            }
        }
        return Optional.ofNullable(found);
    }

    private Snapshot current() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return snapshot;
        }
        nextCheck = now.plus(RECHECK_INTERVAL);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Snapshot known = snapshot;
            if (!attributes.lastModifiedTime().toInstant().equals(known.modified()) || attributes.size() != known.size()) {
                snapshot = read(file);
                LOG.info("reloaded static token file file={} tokens={}", file, snapshot.entries().size());
            }
        } catch (IOException | IllegalArgumentException e) {
            // Keep serving the last good tokens: a half-edited file must not lock everybody out.
            LOG.warn("cannot reload static token file, keeping previous tokens file={} error={}", file, e.toString());
        }
        return snapshot;
    }

    private static Snapshot read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        List<Digested> entries = new ArrayList<>();
        for (Entry entry : parse(Files.readString(file, StandardCharsets.UTF_8), file.toString())) {
            entries.add(new Digested(sha256(entry.token()), entry.user()));
        }
        return new Snapshot(attributes.lastModifiedTime().toInstant(), attributes.size(), List.copyOf(entries));
    }

    /** Reads every entry of a token file; malformed lines fail with the file name and line number. */
    static List<Entry> parse(String content, String source) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.split(line, source + ":" + (i + 1));
            if (fields.size() < 3) {
                throw new IllegalArgumentException(source + ":" + (i + 1)
                        + ": token file lines need at least 3 columns (token, user name, user uid), found " + fields.size());
            }
            if (fields.get(0).isEmpty()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": empty token");
            }
            List<String> groups = fields.size() >= 4 && !fields.get(3).isEmpty()
                    ? Arrays.asList(fields.get(3).split(",", -1)) : List.of();
            entries.add(new Entry(fields.get(0), new UserInfo(fields.get(1), fields.get(2), groups)));
        }
        return entries;
    }

    /** Formats one line; the groups column is always quoted, as upstream's documentation shows it. */
    static String format(Entry entry) {
        return CsvLine.quoteIfNeeded(entry.token()) + "," + CsvLine.quoteIfNeeded(entry.user().name()) + ","
                + CsvLine.quoteIfNeeded(entry.user().uid()) + "," + CsvLine.quote(String.join(",", entry.user().groups()))
                + "\n";
    }

    /** Reads the file if it exists, or returns an empty list. */
    static List<Entry> readEntries(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException absent) {
            return List.of();
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
