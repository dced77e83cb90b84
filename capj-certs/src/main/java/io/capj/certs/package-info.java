/**
 * X.509 with BouncyCastle's builders: self-signed CAs, serving and client certificates signed by them, and
 * PEM encoding as Kubernetes tools read it. Used by the plane's own API server, by workload cluster
 * endpoints, and by the providers that mint a cluster's certificates and kubeconfigs.
 */
package io.capj.certs;
