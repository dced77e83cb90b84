package io.capj.contract;

/**
 * A reference to a provider object by API group, kind and name, as v1beta2 writes it
 * ({@code ContractVersionedObjectReference}); the version comes from contract resolution, not the reference.
 * v1beta1's {@code ObjectReference} ({@code apiVersion}, kind, name) is read into this shape.
 */
public record ContractReference(String apiGroup, String kind, String name) {
}
