/**
 * The documents clients read before they touch a resource: legacy discovery ({@code /api}, {@code /api/v1},
 * {@code /apis}, {@code /apis/<g>}, {@code /apis/<g>/<v>}), aggregated discovery ({@code APIGroupDiscoveryList} in
 * {@code apidiscovery.k8s.io/v2} and {@code v2beta1}) with its Accept negotiation, and OpenAPI ({@code /openapi/v3}
 * per group-version documents, and the empty protobuf {@code /openapi/v2} that old kubectl insists on). Everything
 * is computed from a snapshot of {@link io.capj.apiserver.registry.ResourceDefinition}s; the router builds new
 * instances when CustomResourceDefinitions change. Pure: no HTTP, no storage, no caching across snapshots.
 */
package io.capj.apiserver.internal.discovery;
