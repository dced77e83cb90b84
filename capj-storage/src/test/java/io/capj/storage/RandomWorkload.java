package io.capj.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded random operations on a store, each checked against and applied to a {@link StoreModel}: writes
 * on a few keys (so conflicts are common), compactions, and paginated lists at random revisions.
 */
final class RandomWorkload {
    private static final List<String> PREFIXES = List.of("", "/m/", "/m/a/", "/m/b", "/m/c/1", "/x/");

    private final Store store;
    private final StoreModel model;
    private final Random random;

    RandomWorkload(Store store, StoreModel model, Random random) {
        this.store = store;
        this.model = model;
        this.random = random;
    }

    /** One create, update or delete, with a correct or stale expected revision; returns the key. */
    String write(int step) {
        String key = "/m/" + (char) ('a' + random.nextInt(5)) + "/" + random.nextInt(3);
        String value = "v" + step;
        int kind = random.nextInt(3);
        long expected = model.isLive(key) && random.nextInt(4) > 0
                ? model.modRevision(key) : random.nextInt((int) model.revision() + 2);
        boolean accepted = kind == 0 ? !model.isLive(key) : model.isLive(key) && expected == model.modRevision(key);
        try {
            long revision = switch (kind) {
                case 0 -> store.create(key, value.getBytes(UTF_8));
                case 1 -> store.update(key, expected, value.getBytes(UTF_8));
                default -> store.delete(key, expected);
            };
            assertThat(accepted).as("step %d: write to %s should have conflicted", step, key).isTrue();
            assertThat(revision).isEqualTo(model.revision() + 1);
        } catch (KeyExistsException | RevisionConflictException conflict) {
            assertThat(accepted).as("step %d: write to %s conflicted: %s", step, key, conflict).isFalse();
            KeyValue current = conflict instanceof KeyExistsException e ? e.current()
                    : ((RevisionConflictException) conflict).current();
            assertThat(StoreModel.render(current)).isEqualTo(model.rendered(key));
            return key;
        }
        if (kind == 2) {
            model.delete(key);
        } else {
            model.put(key, value);
        }
        return key;
    }

    /** Compacts store and model to a random revision between the compacted and the current one. */
    void compact() {
        long window = model.revision() - model.compacted();
        model.compact(model.compacted() + (long) random.nextInt((int) window + 1));
        store.compact(model.compacted());
    }

    /** Lists a random prefix at a random revision (0: current) in pages of a random size, against the model. */
    void checkList(int step) {
        String prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
        long requested = random.nextInt(3) == 0 ? 0 : random.nextInt((int) model.revision() + 1);
        if (requested != 0 && requested < model.compacted()) {
            assertThatThrownBy(() -> store.list(prefix, null, requested, 0)).isInstanceOf(CompactedException.class);
            return;
        }
        long at = requested == 0 ? model.revision() : requested;
        Map<String, String> expected = new TreeMap<>(model.stateAt(at));
        expected.keySet().removeIf(key -> !key.startsWith(prefix));
        int limit = random.nextInt(4);
        Map<String, String> listed = new TreeMap<>();
        Store.ListPage page = store.list(prefix, null, requested, limit);
        while (true) {
            assertThat(page.revision()).isEqualTo(at);
            page.items().forEach(kv -> listed.put(kv.key(), StoreModel.render(kv)));
            if (!page.hasMore()) {
                break;
            }
            page = store.list(prefix, page.nextKey(), at, limit);
        }
        assertThat(listed).as("step %d: list '%s' at %d", step, prefix, at).isEqualTo(expected);
    }
}
