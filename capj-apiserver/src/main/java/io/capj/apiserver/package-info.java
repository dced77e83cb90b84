/**
 * The public face of the API server: {@link io.capj.apiserver.ApiServer} to start one. Everything under
 * {@code internal} is the engine and may change; {@code registry} holds the resource model that discovery,
 * OpenAPI and tables are built from; {@code security} the PKI and authentication.
 */
package io.capj.apiserver;
