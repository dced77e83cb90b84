/**
 * Structural schemas of CustomResourceDefinitions: {@link io.capj.apimachinery.schema.StructuralSchema} compiles a
 * version's {@code openAPIV3Schema} once (structural rules checked, CEL rules compiled) and then prunes unknown fields,
 * applies defaults, validates objects (OpenAPI keywords, list types, CEL {@code x-kubernetes-validations}, ratcheting
 * on update) and answers merge questions for patch and apply, reproducing apiextensions-apiserver's behaviour and
 * error messages. Only {@code StructuralSchema} and {@link io.capj.apimachinery.schema.SchemaException} are public;
 * every other class is package-private engine, so callers cannot come to depend on it. This package validates the
 * custom part of an object only: ObjectMeta, type meta and scale subresource checks belong to the API server, and it
 * must not depend on storage, HTTP or any Cluster API type.
 */
package io.capj.apimachinery.schema;
