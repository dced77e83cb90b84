/**
 * Who is calling: the plane's own PKI (cluster CA, serving certificate, admin client certificate and admin
 * bearer token under {@code DATA_DIR/pki}), the admin kubeconfig, the TLS settings of the HTTPS listener and
 * the {@link io.capj.apiserver.security.Authenticator} that maps a client certificate or a bearer token to a
 * {@link io.capj.apiserver.security.UserInfo}, with upstream's identity rules (CN is the user, each O a group,
 * static token file {@code token,user,uid,"groups"}).
 *
 * <p>It owns authentication only: it never decides what a user may do (authorization lives with the
 * handlers) and never touches storage or HTTP routing.
 */
package io.capj.apiserver.security;
