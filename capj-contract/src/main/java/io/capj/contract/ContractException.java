package io.capj.contract;

/**
 * A provider object or CRD does not satisfy the contract: a field holds the wrong JSON type, a required
 * field is missing, or a CRD lacks a usable contract label. The message names the object and the path,
 * e.g. {@code failed to read spec.providerID of DevMachine default/m-1: expected string}.
 */
public final class ContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContractException(String message) {
        super(message);
    }
}
