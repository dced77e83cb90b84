/**
 * The development infrastructure provider's kinds ({@code infrastructure.cluster.x-k8s.io/v1beta2}):
 * DevCluster, DevMachine and their templates, whose {@code spec.backend} selects a Docker or an in-memory
 * backend. {@link io.capj.api.infrastructure.dev.v1beta2.DevInfrastructureCrds#all()} returns their
 * CustomResourceDefinitions, labelled with the v1beta2 contract so core resolves them;
 * {@link io.capj.api.infrastructure.dev.v1beta2.DevAdmissionHooks#all()} their webhooks (backend and port
 * defaults, sorted failure domains, immutable templates and custom image).
 */
package io.capj.api.infrastructure.dev.v1beta2;
