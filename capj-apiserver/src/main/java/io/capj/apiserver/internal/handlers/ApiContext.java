package io.capj.apiserver.internal.handlers;

import io.capj.apiserver.internal.registry.Registry;
import io.capj.apiserver.internal.store.ObjectStore;
import java.time.Clock;

/** What every verb handler shares: the served types, the object store and the clock. */
public record ApiContext(Registry registry, ObjectStore objects, Clock clock) {
}
