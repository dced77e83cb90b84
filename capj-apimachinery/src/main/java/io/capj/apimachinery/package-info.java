/**
 * The object model shared by the API server and every client-side component: objects are JSON trees
 * ({@link io.capj.apimachinery.Json}), identified by {@link io.capj.apimachinery.GroupVersionKind} and
 * {@link io.capj.apimachinery.GroupVersionResource}, failing with {@link io.capj.apimachinery.StatusException}.
 * It must not depend on storage or HTTP.
 */
package io.capj.apimachinery;
