package io.capj.storage;

/** The conformance suite against {@code memory://}, which keeps nothing across restarts. */
class MemoryStoreTest extends StoreConformanceTest {
    @Override
    protected Store openStore() {
        return Stores.open("memory://?compactIntervalSeconds=0");
    }

    @Override
    protected Store reopenStore() {
        return null;
    }
}
