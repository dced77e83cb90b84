/**
 * Black-box kubectl scenarios: the real kubectl binaries (newest and oldest found on the machine) drive a
 * real {@code bin/capj serve} process, and each scenario asserts on kubectl's output and on the state it
 * reads back. {@link io.capj.e2e.kubectl.KubectlScenariosTest} holds the scenarios; the other types start
 * and stop the plane ({@link io.capj.e2e.kubectl.CapjProcess}), find and run kubectl
 * ({@link io.capj.e2e.kubectl.KubectlBinaries}, {@link io.capj.e2e.kubectl.Kubectl}) and render YAML
 * fixtures from {@code src/test/resources/kubectl/}. {@link io.capj.e2e.kubectl.Testbed},
 * {@link io.capj.e2e.kubectl.Kubectl}, {@link io.capj.e2e.kubectl.KubectlResult} and
 * {@link io.capj.e2e.kubectl.PrintedTable} are public so that other black-box suites (such as
 * {@code io.capj.e2e.capi}) run kubectl the same way.
 *
 * <p>Nothing here may call into the server's Java code: only the process, its kubeconfig and kubectl.
 * Processes are stopped by their own PID, never by name.
 */
package io.capj.e2e.kubectl;
