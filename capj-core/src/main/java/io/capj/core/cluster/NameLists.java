package io.capj.core.cluster;

import java.util.ArrayList;
import java.util.List;

/** Object names in messages, as upstream prints them: comma separated, cut after a few with a count. */
final class NameLists {
    private NameLists() {
    }

    /** The first {@code limit} names joined by ", ", then "... (N more)" when some were left out. */
    static String shortList(List<String> names, int limit) {
        List<String> shown = new ArrayList<>(names.subList(0, Math.min(limit, names.size())));
        if (names.size() > limit) {
            shown.add("... (" + (names.size() - limit) + " more)");
        }
        return String.join(", ", shown);
    }
}
