package io.capj.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One source of requests for a controller: events on {@code kind} that pass {@code filter} are turned into
 * requests by {@code mapper}. Built by {@link ControllerBuilder}; the For, Owns and Watches wirings are all
 * watches with different mappers.
 *
 * @param <T> the watched type
 */
public record Watch<T extends HasMetadata>(ResourceKind<T> kind, RequestMapper<? super T> mapper, EventFilter filter) {
}
