/**
 * The {@code cluster.x-k8s.io/v1beta2} kinds: their CRDs written with {@link io.capj.api.schema.Schema}
 * (field names, bounds and list semantics match upstream Cluster API, the interface users and providers
 * rely on), phases, and condition and reason constants. Controllers read these; this package must not
 * depend on controllers or on the API server.
 */
package io.capj.api.core.v1beta2;
