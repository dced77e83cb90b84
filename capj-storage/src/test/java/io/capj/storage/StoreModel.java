package io.capj.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously-correct reference a store is compared with in randomized tests: the full state at every
 * revision as a sorted map of rendered values, and the event each revision produced.
 */
final class StoreModel {
    /** {@code states.get(r)} is the state at revision r, as key to {@code "value@create/mod"}. */
    private final List<TreeMap<String, String>> states = new ArrayList<>(List.of(new TreeMap<>()));
    private final List<String> events = new ArrayList<>(List.of("<none>"));
    private final Map<String, Long> createRevisions = new TreeMap<>();
    private final Map<String, Long> modRevisions = new TreeMap<>();
    private final Map<String, String> values = new TreeMap<>();
    private long compacted;

    long revision() {
        return states.size() - 1;
    }

    long compacted() {
        return compacted;
    }

    /** Only records the revision: the model keeps all history, the store must refuse what is below it. */
    void compact(long revision) {
        compacted = Math.max(compacted, revision);
    }

    boolean isLive(String key) {
        return modRevisions.containsKey(key);
    }

    long modRevision(String key) {
        return modRevisions.getOrDefault(key, 0L);
    }

    String rendered(String key) {
        return current().get(key);
    }

    TreeMap<String, String> current() {
        return states.get(states.size() - 1);
    }

    TreeMap<String, String> stateAt(long revision) {
        return states.get((int) revision);
    }

    /** Events after {@code afterRevision}, rendered like {@link RecordingListener#describe(WatchEvent)}. */
    List<String> eventsAfter(long afterRevision) {
        return List.copyOf(events.subList((int) afterRevision + 1, events.size()));
    }

    void put(String key, String value) {
        long revision = revision() + 1;
        String type = "PUT";
        createRevisions.putIfAbsent(key, revision);
        modRevisions.put(key, revision);
        values.put(key, value);
        TreeMap<String, String> next = new TreeMap<>(current());
        next.put(key, render(value, createRevisions.get(key), revision));
        states.add(next);
        events.add(type + " " + key + "@" + revision + "=" + value);
    }

    void delete(String key) {
        long revision = revision() + 1;
        String lastValue = values.remove(key);
        createRevisions.remove(key);
        modRevisions.remove(key);
        TreeMap<String, String> next = new TreeMap<>(current());
        next.remove(key);
        states.add(next);
        events.add("DELETE " + key + "@" + revision + "=" + lastValue);
    }

    static String render(KeyValue kv) {
        return kv == null ? null : render(new String(kv.value(), java.nio.charset.StandardCharsets.UTF_8),
                kv.createRevision(), kv.modRevision());
    }

    private static String render(String value, long createRevision, long modRevision) {
        return value + "@" + createRevision + "/" + modRevision;
    }
}
