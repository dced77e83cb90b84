package io.capj.cli;

import java.nio.file.Path;

/**
 * Where the plane keeps its state: {@code --data-dir}, else {@code $CAPJ_HOME}, else {@code ~/.capj},
 * always made absolute and normalized because it is printed and handed to other processes.
 */
final class DataDirectory {
    static final String HOME_VARIABLE = "CAPJ_HOME";

    private DataDirectory() {
    }

    static Path resolve(Path flag, String capjHome, String userHome) {
        Path chosen;
        if (flag != null) {
            chosen = flag;
        } else if (capjHome != null && !capjHome.isBlank()) {
            chosen = Path.of(capjHome);
        } else {
            chosen = Path.of(userHome, ".capj");
        }
        return chosen.toAbsolutePath().normalize();
    }

    /** The embedded default store: SQLite in the data directory. */
    static String defaultStoreUrl(Path dataDir) {
        return "sqlite://" + dataDir.resolve("state.db");
    }
}
