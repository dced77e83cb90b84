/**
 * The kubeadm bootstrap provider's validating webhooks as in-process admission hooks: the rules on a
 * KubeadmConfig spec that the schema cannot express (one content source per file, unique file paths, one
 * password source per user, Ignition limits, disk layout percentages).
 */
package io.capj.api.bootstrap.kubeadm.v1beta2.webhooks;
