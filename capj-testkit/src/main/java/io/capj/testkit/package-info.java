/**
 * Test support for code that talks to a capj management plane: {@link io.capj.testkit.CapjServer} starts a
 * real embedded {@code io.capj.apiserver.ApiServer} on a random port for a test class and hands tests a
 * {@link io.capj.testkit.CapjServerHandle} (URL, admin kubeconfig, a ready fabric8 client, restart);
 * {@link io.capj.testkit.Await} polls for eventually-true conditions instead of sleeping.
 *
 * <p>This package owns only test lifecycle and waiting. It must not reach into the server's internals or
 * fake any part of the API: tests exercise the same HTTPS surface that kubectl and controllers use.
 */
package io.capj.testkit;
