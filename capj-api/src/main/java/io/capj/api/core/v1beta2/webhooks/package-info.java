/**
 * Upstream Cluster API's defaulting and validating webhooks for Cluster, Machine, MachineSet and
 * MachineDeployment, run in-process by the API server as {@code AdmissionHook}s ({@link
 * io.capj.api.core.v1beta2.webhooks.CapiAdmissionHooks#all()}). Rules, field paths and messages follow
 * upstream so that users see the same 422 causes. The rule classes are pure functions over the JSON tree;
 * only the {@code *Webhook} classes touch the API server's hook interface. Nothing here reads other objects:
 * rules that need a ClusterClass, Cluster or workload cluster lookup belong to a later slice.
 *
 * <p>Upstream guards some rules behind feature gates; capj has no gates, so this package behaves as if
 * {@code ClusterTopology}, {@code MachineSetPreflightChecks} and {@code MachineTaintPropagation} were on.
 *
 * <p>The server's {@code applyDefaults} sees no stored object, so replicas defaulting on an update treats the
 * object as new (upstream keeps or clamps the stored replicas; {@link
 * io.capj.api.core.v1beta2.webhooks.AutoscalerReplicas} already takes the old object for when the hook
 * interface passes it). Defaulting cannot fail either, so an unparsable autoscaler size annotation, which
 * upstream's defaulter rejects, is reported by validation as a 422 on that annotation.
 */
package io.capj.api.core.v1beta2.webhooks;
