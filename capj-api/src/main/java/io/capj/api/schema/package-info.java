/**
 * A small Java vocabulary for writing CustomResourceDefinitions: {@link io.capj.api.schema.Schema} for
 * structural OpenAPI schemas (list types, CEL rules, int-or-string, preserved fields) and
 * {@link io.capj.api.schema.CrdBuilder} for names, printer columns and subresources. It knows nothing about
 * Cluster API; the kinds that use it live in {@code io.capj.api.core.v1beta2}. It produces JSON only and
 * never talks to a server.
 */
package io.capj.api.schema;
