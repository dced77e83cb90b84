package io.capj.bench.write;

/**
 * Everything one configuration (one client count) of the write benchmark produced.
 *
 * @param load          the API create load
 * @param raw           the raw SQLite baseline measured in the same run (null until measured)
 * @param watchAdded    ADDED events the watcher saw
 * @param watchOther    other watch events (none expected)
 * @param watchErrors   ERROR events or unparseable lines
 * @param watchEnded    why the watch stream ended early, "" when it did not
 * @param listedItems   objects found by a full paged list after the load
 * @param storeFsType   file-store type of the data directory, to spot a tmpfs that would make fsync free
 */
public record WriteRunResult(LoadResult load, RawStoreBaseline.Measurement raw, long watchAdded, long watchOther,
                             long watchErrors, String watchEnded, long listedItems, String storeFsType) {

    /** This result with the raw baseline filled in. */
    public WriteRunResult withRaw(RawStoreBaseline.Measurement baseline) {
        return new WriteRunResult(load, baseline, watchAdded, watchOther, watchErrors, watchEnded, listedItems,
                storeFsType);
    }

    /** API creates/s divided by raw durable rows/s. */
    public double ratio() {
        return raw.rowsPerSecond() <= 0 ? 0 : load.createsPerSecond() / raw.rowsPerSecond();
    }

    /** The list holds exactly the successful creates, and the watcher saw every one of them. */
    public boolean verified() {
        return listedItems == load.totalCreated() && watchAdded == load.totalCreated() && watchErrors == 0;
    }

    /** What {@link #verified()} found wrong, or "ok". */
    public String verification() {
        if (verified()) {
            return "ok";
        }
        return "created=" + load.totalCreated() + " listed=" + listedItems + " watch-added=" + watchAdded
                + " watch-errors=" + watchErrors + (watchEnded.isEmpty() ? "" : " watch-ended=" + watchEnded);
    }
}
