/**
 * Upstream Cluster API's defaulting and validating webhooks for Cluster, Machine, MachineSet,
 * MachineDeployment and MachineHealthCheck, run in-process by the API server as {@code AdmissionHook}s ({@link
 * io.capj.api.core.v1beta2.webhooks.CapiAdmissionHooks#all()}). Rules, field paths and messages follow
 * upstream so that users see the same 422 causes. The rule classes are pure functions over the JSON tree;
 * only the {@code *Webhook} classes touch the API server's hook interface. Nothing here reads other objects:
 * rules that need a ClusterClass, Cluster or workload cluster lookup belong to a later slice.
 *
 * <p>Upstream guards some rules behind feature gates; capj has no gates, so this package behaves as if
 * {@code ClusterTopology}, {@code MachineSetPreflightChecks} and {@code MachineTaintPropagation} were on.
 *
 * <p>Defaulting sees the stored object on an update, as upstream's does, so replicas left unset next to the
 * autoscaler size annotations keep (or are clamped from) the stored replicas ({@link
 * io.capj.api.core.v1beta2.webhooks.AutoscalerReplicas}). Defaulting cannot fail, so an unparsable autoscaler
 * size annotation, which upstream's defaulter rejects, is reported by validation as a 422 on that annotation.
 */
package io.capj.api.core.v1beta2.webhooks;
