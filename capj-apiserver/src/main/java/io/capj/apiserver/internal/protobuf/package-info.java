/**
 * Decoding of Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}) into the JSON
 * trees the rest of the server works on. kubectl 1.32+ sends them from its typed clients ({@code create
 * namespace|configmap|secret|serviceaccount|token}, {@code auth can-i}, {@code auth whoami}); client-go never
 * falls back to JSON after a 415, so those commands need this. {@link
 * io.capj.apiserver.internal.protobuf.ProtobufBodies} is the entry point: it reads the {@code k8s\0} +
 * {@code runtime.Unknown} envelope and decodes the embedded message with hand-written field tables (numbers
 * from k8s.io/api and k8s.io/apimachinery {@code generated.proto}, JSON names and omission rules from the Go
 * struct tags), reproducing what the same client would have sent as JSON.
 *
 * <p>This package only decodes: it uses protobuf-java's wire reader, never generated classes, and it must not
 * know about handlers, registries or storage. Responses stay JSON; encoding protobuf is out of scope.
 */
package io.capj.apiserver.internal.protobuf;
