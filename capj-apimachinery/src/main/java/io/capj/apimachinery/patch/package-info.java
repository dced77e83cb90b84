/**
 * Patch and apply engines of the API server, as pure functions over JSON trees: JSON patch (RFC 6902),
 * JSON merge patch (RFC 7386), strategic merge patch for built-in kinds, and server-side apply with its
 * field ownership ({@code metadata.managedFields}, FieldsV1 sets, conflicts, the {@code Update} entries of
 * ordinary writes). Merge semantics come from a {@link io.capj.apimachinery.patch.MergeSchema} the caller
 * supplies per kind: {@link io.capj.apimachinery.patch.CoreMergeSchemas} for the built-ins capj serves,
 * {@link io.capj.apimachinery.patch.MergeSchemas} to declare more, a CRD's structural schema wrapped in
 * {@link io.capj.apimachinery.patch.ObjectMetaMergeSchema} for custom resources. Errors are
 * {@link io.capj.apimachinery.StatusException}s worded as upstream words them. This package must not know
 * about storage, HTTP, admission or kind strategies: callers validate requests (names, preconditions,
 * resourceVersion), reset what their strategy resets, and persist the result.
 */
package io.capj.apimachinery.patch;
