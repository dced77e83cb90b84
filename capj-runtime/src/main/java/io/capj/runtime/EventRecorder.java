package io.capj.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events ({@code core/v1}, visible in {@code kubectl get events} and {@code describe}) about
 * the objects controllers reconcile. Recording never blocks a reconcile: events go through a bounded queue to
 * one sender thread, and are dropped (with a log line) when the queue is full, as client-go's broadcaster does.
 */
public final class EventRecorder implements AutoCloseable {
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int QUEUE_CAPACITY = 1000;

    private final KubernetesClient client;
    private final String component;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread sender;
    private volatile boolean closed;

    EventRecorder(KubernetesClient client, String component) {
        this.client = client;
        this.component = component;
        this.sender = new Thread(this::send, "event-recorder-" + component);
        sender.setDaemon(true);
        sender.start();
    }

    /** A Normal event about {@code object}. */
    public void normal(HasMetadata object, String reason, String message) {
        record(reference(object), NORMAL, reason, message);
    }

    /** A Warning event about {@code object}. */
    public void warning(HasMetadata object, String reason, String message) {
        record(reference(object), WARNING, reason, message);
    }

    /** A Normal event about {@code object}, given as its JSON tree. */
    public void normal(JsonNode object, String reason, String message) {
        record(reference(object), NORMAL, reason, message);
    }

    /** A Warning event about {@code object}, given as its JSON tree. */
    public void warning(JsonNode object, String reason, String message) {
        record(reference(object), WARNING, reason, message);
    }

    private void record(ObjectReference involved, String type, String reason, String message) {
        if (closed) {
            return;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String namespace = involved.getNamespace() == null || involved.getNamespace().isEmpty() ? "default"
                : involved.getNamespace();
        Event event = new EventBuilder().withNewMetadata()
                .withName(involved.getName() + "." + Long.toHexString(System.nanoTime())
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000)))
                .withNamespace(namespace).endMetadata()
                .withInvolvedObject(involved).withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component).withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        if (!queue.offer(event)) {
            LOG.warn("event dropped: queue full reason={} object={}/{}", reason, involved.getKind(), involved.getName());
        }
    }

    private void send() {
        while (!closed || !queue.isEmpty()) {
            Event event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
            } catch (RuntimeException e) {
                LOG.debug("event not recorded reason={}: {}", event.getReason(), e.getMessage());
            }
        }
    }

    private static ObjectReference reference(HasMetadata object) {
        return new ObjectReferenceBuilder().withApiVersion(object.getApiVersion()).withKind(object.getKind())
                .withName(object.getMetadata().getName()).withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid())
                .withResourceVersion(object.getMetadata().getResourceVersion()).build();
    }

    private static ObjectReference reference(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return new ObjectReferenceBuilder().withApiVersion(object.path("apiVersion").asText())
                .withKind(object.path("kind").asText()).withName(metadata.path("name").asText())
                .withNamespace(metadata.path("namespace").asText(null)).withUid(metadata.path("uid").asText(null))
                .withResourceVersion(metadata.path("resourceVersion").asText(null)).build();
    }

    /** Stops the sender; events still queued are dropped. */
    @Override
    public void close() {
        closed = true;
        sender.interrupt();
    }
}
