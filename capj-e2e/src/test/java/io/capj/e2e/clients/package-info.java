/**
 * Proof that real Java Kubernetes clients work against capj's API server unmodified: fabric8
 * kubernetes-client (informers over WebSocket watches, 410 recovery, leader election), the official
 * client-java (typed core API, shared informers, generic API) and a Java Operator SDK operator (server-side
 * apply of finalizers and status, managedFields, cleanup). Each test class starts its own in-process
 * {@code ApiServer} on a random port and drives it only through the clients, except where a test must move
 * history out from under a client (compaction through the server's store). Nothing here may change server code
 * or client defaults to make a test pass: a failure is a server defect.
 */
package io.capj.e2e.clients;
