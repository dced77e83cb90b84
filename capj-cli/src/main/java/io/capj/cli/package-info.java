/**
 * The {@code capj} command line: picocli commands that parse flags, resolve defaults (data directory,
 * store URL, port) and drive the management plane through the public APIs of {@code capj-apiserver} and
 * {@code capj-api} (the Cluster API CRDs and webhooks it serves).
 * It prints results to stdout and one-line errors to stderr with exit codes 0 (success), 1 (failure)
 * and 2 (usage error). It holds no server logic and must not reach into other modules' internals.
 */
package io.capj.cli;
