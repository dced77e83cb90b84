/**
 * Entry points of capj's benchmarks: each class with a {@code main} here runs one benchmark end to end,
 * prints one summary line per configuration to stdout and writes its figures as JSON. Performance is
 * measured only here, never as timed assertions in tests. This package drives the API server from outside,
 * over HTTPS, as a client would; it must not reach into server internals beyond what
 * {@link io.capj.apiserver.ApiServer} exposes for in-process clients (URL, PKI).
 */
package io.capj.bench;
