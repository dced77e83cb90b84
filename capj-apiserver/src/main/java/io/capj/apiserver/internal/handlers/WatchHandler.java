package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.MediaTypes;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.ObjectCodec;
import io.capj.storage.CompactedException;
import io.capj.storage.Watch;
import io.capj.storage.WatchEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Watch: validates the request up front (errors before the stream starts are plain HTTP errors), then
 * streams ADDED/MODIFIED/DELETED/BOOKMARK events in revision order until the timeout, the client leaving,
 * or the store ending the watch. A resourceVersion older than the retained history is answered, as
 * upstream does, with a 200 stream holding one ERROR event with a 410 Status.
 */
public final class WatchHandler {
    private static final long BOOKMARK_INTERVAL_MILLIS = 60_000;
    private static final int MIN_TIMEOUT_SECONDS = 1800;

    private final ApiContext ctx;
    private final TableRenderer tables;

    public WatchHandler(ApiContext ctx, TableRenderer tables) {
        this.ctx = ctx;
        this.tables = tables;
    }

    /** A validated watch request, ready to stream. */
    public final class Plan {
        private final ResourceType type;
        private final RequestInfo info;
        private final Selection selection;
        private final long fromRevision;
        private final boolean initialEvents;
        private final boolean initialEventsEndBookmark;
        private final boolean bookmarks;
        private final long timeoutMillis;
        private final boolean table;
        private final String tableVersion;
        private final String includeObject;

        private Plan(ApiRequest request, RequestInfo info, ResourceType type) {
            this.type = type;
            this.info = info;
            this.selection = Selection.from(request, type);
            String rv = request.param("resourceVersion");
            boolean sendInitial = request.flag("sendInitialEvents");
            this.bookmarks = request.flag("allowWatchBookmarks");
            if (sendInitial && (!request.param("resourceVersionMatch").equals("NotOlderThan") || !bookmarks)) {
                throw StatusException.invalid(new io.capj.apimachinery.GroupVersionKind("meta.k8s.io", "", "ListOptions"),
                        "", List.of(io.capj.apimachinery.FieldError.forbidden("sendInitialEvents",
                                "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan and"
                                        + " allowWatchBookmarks to true")));
            }
            this.initialEvents = sendInitial || rv.isEmpty() || rv.equals("0");
            this.initialEventsEndBookmark = sendInitial;
            this.fromRevision = initialEvents ? 0 : ListHandler.parseRevision(rv);
            long timeout = request.number("timeoutSeconds");
            this.timeoutMillis = 1000 * (timeout > 0 ? timeout
                    : MIN_TIMEOUT_SECONDS + ThreadLocalRandom.current().nextInt(MIN_TIMEOUT_SECONDS));
            this.table = MediaTypes.wantsTable(request.header("Accept"));
            this.tableVersion = table ? MediaTypes.tableVersion(request.header("Accept")) : null;
            this.includeObject = request.param("includeObject");
        }

        public String contentType() {
            return MediaTypes.JSON;
        }

        /** Streams events into {@code sink} until the watch ends; returns normally when it ends. */
        public void stream(WatchSink sink) throws IOException, InterruptedException {
            new WatchStream(this, sink).run();
        }
    }

    public Plan plan(ApiRequest request, RequestInfo info, ResourceType type) {
        if (!info.subresource().isEmpty()) {
            throw StatusException.methodNotAllowed("watch is not supported on subresources");
        }
        if (!info.name().isEmpty()) {
            throw StatusException.badRequest("watch of a single object must use a collection with a metadata.name field selector");
        }
        return new Plan(request, info, type);
    }

    /** One running watch: initial state, then store events, filtered and encoded. */
    private final class WatchStream {
        private final Plan plan;
        private final WatchSink sink;
        private final WatchQueue queue = new WatchQueue();
        private boolean headersSent;
        private long lastRevision;
        private long lastBookmark = System.currentTimeMillis();

        WatchStream(Plan plan, WatchSink sink) {
            this.plan = plan;
            this.sink = sink;
        }

        void run() throws IOException, InterruptedException {
            long start = plan.fromRevision;
            if (plan.initialEvents) {
                start = sendInitialState();
            }
            lastRevision = start;
            Watch watch;
            try {
                watch = ctx.objects().store().watch(plan.type.keyPrefix(plan.info.namespace()), start, queue);
            } catch (CompactedException e) {
                sendError(StatusException.gone("too old resource version: " + plan.fromRevision + " ("
                        + e.compacted() + ")"));
                return;
            }
            try {
                pump();
            } finally {
                watch.close();
            }
        }

        private long sendInitialState() throws IOException {
            var result = ctx.objects().list(plan.type, plan.info.namespace(), 0, null, 0, plan.selection);
            for (ObjectNode o : result.items()) {
                send("ADDED", o);
            }
            if (plan.initialEventsEndBookmark) {
                ObjectNode b = bookmark(result.revision());
                ObjectMeta.of(b).putObject("annotations").put("k8s.io/initial-events-end", "true");
                sendRaw("BOOKMARK", b);
            }
            sink.flush();
            return result.revision();
        }

        private void pump() throws IOException, InterruptedException {
            long deadline = System.currentTimeMillis() + plan.timeoutMillis;
            while (true) {
                long wait = deadline - System.currentTimeMillis();
                if (wait <= 0 || !sink.isOpen()) {
                    return;
                }
                WatchQueue.Item item = queue.poll(Math.min(wait, 1000));
                if (item == null) {
                    continue;
                }
                if (item.closed() != null) {
                    return;
                }
                if (item.events() != null) {
                    for (WatchEvent e : item.events()) {
                        deliver(e);
                    }
                    sink.flush();
                } else {
                    maybeBookmark(item.progress());
                }
            }
        }

        private void deliver(WatchEvent e) throws IOException {
            lastRevision = e.revision();
            boolean everything = plan.selection.matchesEverything();
            if (e.type() == WatchEvent.Type.DELETE) {
                ObjectNode before = ObjectCodec.decode(plan.type, e.prevKv() != null ? e.prevKv() : e.kv()).object();
                if (everything || plan.selection.test(before)) {
                    ObjectMeta.of(before).put("resourceVersion", Long.toString(e.revision()));
                    send("DELETED", before);
                }
                return;
            }
            ObjectNode now = ObjectCodec.decode(plan.type, e.kv()).object();
            // the previous version only matters when a selector can make an object enter or leave the watch
            boolean was = e.prevKv() != null
                    && (everything || plan.selection.test(ObjectCodec.decode(plan.type, e.prevKv()).object()));
            boolean is = everything || plan.selection.test(now);
            if (is) {
                send(was ? "MODIFIED" : "ADDED", now);
            } else if (was) {
                send("DELETED", now);
            }
        }

        private void maybeBookmark(long revision) throws IOException {
            if (!plan.bookmarks || System.currentTimeMillis() - lastBookmark < BOOKMARK_INTERVAL_MILLIS) {
                return;
            }
            lastBookmark = System.currentTimeMillis();
            sendRaw("BOOKMARK", bookmark(Math.max(revision, lastRevision)));
            sink.flush();
        }

        private ObjectNode bookmark(long revision) {
            ObjectNode b = Json.object();
            b.put("kind", plan.type.definition().kind()).put("apiVersion", plan.type.definition().gvk().apiVersion());
            b.putObject("metadata").put("resourceVersion", Long.toString(revision));
            return b;
        }

        private void send(String type, ObjectNode object) throws IOException {
            if (plan.table) {
                ObjectNode t = tables.render(plan.type, List.of(object), Json.object(), plan.includeObject, !headersSent,
                        plan.tableVersion);
                headersSent = true;
                sendRaw(type, t);
            } else {
                sendRaw(type, object);
            }
        }

        private void sendRaw(String type, ObjectNode object) throws IOException {
            ObjectNode event = Json.object();
            event.put("type", type);
            event.set("object", object);
            sink.send(Json.bytes(event));
        }

        private void sendError(StatusException e) throws IOException {
            sendRaw("ERROR", e.toStatus());
            sink.flush();
        }
    }
}
