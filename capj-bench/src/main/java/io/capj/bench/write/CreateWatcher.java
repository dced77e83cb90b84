package io.capj.bench.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The one active watcher on the benchmarked kind, as an informer would hold it: a streaming
 * {@code ?watch=1} from a list resourceVersion on its own HTTP/2 connection, read on its own thread.
 * It counts events by type (reading only the {@code type} field, so its own CPU cost stays small) so that
 * the run can check that every create was delivered.
 */
public final class CreateWatcher implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final AtomicLong added = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final String description;
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile String endedBecause = "";

    private CreateWatcher(String description, CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.description = description;
        this.response = response;
        this.reader = new Thread(this::readAll, "write-bench-watch");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Sends the watch on {@code collectionPath} from {@code resourceVersion} and returns without waiting
     * for the response headers: a server may hold them back until the first event, and a watch from a
     * resourceVersion misses nothing that is created after that version, whenever the stream starts.
     */
    public static CreateWatcher open(PlaneClient client, String collectionPath, String resourceVersion) {
        HttpRequest request = HttpRequest.newBuilder(client.uri(collectionPath + "?watch=1&resourceVersion="
                        + resourceVersion + "&timeoutSeconds=3600"))
                .header("Accept", "application/json").GET().build();
        return new CreateWatcher("watch on " + collectionPath,
                client.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines()));
    }

    /** ADDED events seen so far. */
    public long added() {
        return added.get();
    }

    /** Events other than ADDED (MODIFIED, DELETED, BOOKMARK); none are expected. */
    public long otherEvents() {
        return other.get();
    }

    /** ERROR events and unparseable lines. */
    public long errorEvents() {
        return errors.get();
    }

    /** Why the stream ended early, or "" while it runs. */
    public String endedBecause() {
        return endedBecause;
    }

    /** Waits until {@code expected} ADDED events arrived or {@code timeout} passed; returns whether they did. */
    public boolean awaitAdded(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (added.get() < expected && System.nanoTime() < deadline && reader.isAlive()) {
            Thread.sleep(20);
        }
        return added.get() >= expected;
    }

    private void readAll() {
        try {
            HttpResponse<Stream<String>> answer = response.get();
            lines = answer.body();
            if (answer.statusCode() != 200) {
                endedBecause = description + " returned " + answer.statusCode() + ": "
                        + PlaneClient.abbreviate(String.join("\n", (Iterable<String>) lines::iterator));
                return;
            }
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                count(it.next());
            }
            endedBecause = "the server ended the stream";
        } catch (InterruptedException e) {
            endedBecause = "closed";
        } catch (ExecutionException | RuntimeException e) {
            endedBecause = description + " failed: " + e;
        }
    }

    private void count(String line) {
        if (line.isBlank()) {
            return;
        }
        String type = eventType(line);
        if ("ADDED".equals(type)) {
            added.incrementAndGet();
        } else if ("ERROR".equals(type) || type == null) {
            errors.incrementAndGet();
        } else {
            other.incrementAndGet();
        }
    }

    /** The top-level {@code type} of a watch event line, or null when the line is not an event. */
    static String eventType(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
