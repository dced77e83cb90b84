package io.capj.contract;

import java.util.List;

/**
 * The InfrastructureMachine contract (DevMachine, AWSMachine, ...): provisioning, providerID, addresses and
 * failure domain, with the paths of the resolved contract version.
 */
public final class InfraMachineContract {
    /** The condition core mirrors into the Machine's InfrastructureReady. */
    public static final String READY_CONDITION = "Ready";

    private static final InfraMachineContract V1BETA2 = new InfraMachineContract(false);
    private static final InfraMachineContract V1BETA1 = new InfraMachineContract(true);

    private final Field<String> providerID;
    private final Field<String> failureDomain;
    private final Field<String> deprecatedFailureDomain;
    private final Field<String> failureReason;
    private final Field<String> failureMessage;
    private final Field<Boolean> provisioned;
    private final Field<List<MachineAddress>> addresses;
    private final Field<Boolean> interruptible;
    private final Field<List<Condition>> conditions;

    private InfraMachineContract(boolean v1beta1) {
        providerID = new Field<>(Codec.STRING, "spec", "providerID");
        failureDomain = new Field<>(Codec.STRING, "status", "failureDomain");
        deprecatedFailureDomain = new Field<>(Codec.STRING, "spec", "failureDomain");
        failureReason = new Field<>(Codec.STRING, "status", "failureReason");
        failureMessage = new Field<>(Codec.STRING, "status", "failureMessage");
        provisioned = v1beta1 ? new Field<>(Codec.BOOL, "status", "ready")
                : new Field<>(Codec.BOOL, "status", "initialization", "provisioned");
        addresses = new Field<>(Shapes.ADDRESSES, "status", "addresses");
        interruptible = new Field<>(Codec.BOOL, "status", "interruptible");
        conditions = new Field<>(Shapes.CONDITIONS, "status", "conditions");
    }

    /** The accessors for a contract version ({@code v1beta1} or {@code v1beta2}, bare or label form). */
    public static InfraMachineContract forContract(String contract) {
        return ContractVersion.isV1Beta1(contract) ? V1BETA1 : V1BETA2;
    }

    /** {@code spec.providerID}; mandatory once provisioned. */
    public Field<String> providerID() {
        return providerID;
    }

    /**
     * {@code status.failureDomain}: where the provider placed the machine, copied to the Machine's
     * {@code status.failureDomain}. Read under both contracts, as upstream does.
     */
    public Field<String> failureDomain() {
        return failureDomain;
    }

    /**
     * {@code spec.failureDomain}: the older place for the failure domain, which upstream still copies to the
     * Machine's {@code spec.failureDomain} under both contracts when a provider sets it.
     */
    public Field<String> deprecatedFailureDomain() {
        return deprecatedFailureDomain;
    }

    /** {@code status.failureReason}: informational only since v1beta2 (goes to the deprecated status). */
    public Field<String> failureReason() {
        return failureReason;
    }

    /** {@code status.failureMessage}: informational only since v1beta2 (goes to the deprecated status). */
    public Field<String> failureMessage() {
        return failureMessage;
    }

    /** {@code status.initialization.provisioned}, or {@code status.ready} under v1beta1. */
    public Field<Boolean> provisioned() {
        return provisioned;
    }

    /** {@code status.addresses}. */
    public Field<List<MachineAddress>> addresses() {
        return addresses;
    }

    /** {@code status.interruptible} (spot instances). */
    public Field<Boolean> interruptible() {
        return interruptible;
    }

    /** {@code status.conditions}; look up {@link #READY_CONDITION} with {@link Condition#find}. */
    public Field<List<Condition>> conditions() {
        return conditions;
    }
}
