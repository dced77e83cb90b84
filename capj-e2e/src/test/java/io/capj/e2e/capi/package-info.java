/**
 * Black-box scenarios of the Cluster API as {@code bin/capj serve} serves it from startup: the real kubectl
 * applies Cluster API objects (through the webhooks) and reads them back with upstream's printer columns and
 * the {@code cluster-api} category. It reuses the kubectl suite's process and kubectl helpers
 * ({@link io.capj.e2e.kubectl.Testbed}) and, like that suite, never calls into the server's Java code.
 */
package io.capj.e2e.capi;
