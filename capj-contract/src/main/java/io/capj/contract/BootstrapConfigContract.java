package io.capj.contract;

import java.util.List;

/**
 * The BootstrapConfig contract (KubeadmConfig, ...): the secret holding the machine's bootstrap data and
 * whether it exists yet, with the paths of the resolved contract version.
 */
public final class BootstrapConfigContract {
    /** The condition core mirrors into the Machine's BootstrapConfigReady. */
    public static final String READY_CONDITION = "Ready";

    private static final BootstrapConfigContract V1BETA2 = new BootstrapConfigContract(false);
    private static final BootstrapConfigContract V1BETA1 = new BootstrapConfigContract(true);

    private final Field<String> dataSecretName;
    private final Field<Boolean> dataSecretCreated;
    private final Field<List<Condition>> conditions;
    private final Field<String> failureReason = new Field<>(Codec.STRING, "status", "failureReason");
    private final Field<String> failureMessage = new Field<>(Codec.STRING, "status", "failureMessage");

    private BootstrapConfigContract(boolean v1beta1) {
        dataSecretName = new Field<>(Codec.STRING, "status", "dataSecretName");
        dataSecretCreated = v1beta1 ? new Field<>(Codec.BOOL, "status", "ready")
                : new Field<>(Codec.BOOL, "status", "initialization", "dataSecretCreated");
        conditions = new Field<>(Shapes.CONDITIONS, "status", "conditions");
    }

    /** The accessors for a contract version ({@code v1beta1} or {@code v1beta2}, bare or label form). */
    public static BootstrapConfigContract forContract(String contract) {
        return ContractVersion.isV1Beta1(contract) ? V1BETA1 : V1BETA2;
    }

    /** {@code status.dataSecretName}. */
    public Field<String> dataSecretName() {
        return dataSecretName;
    }

    /** {@code status.initialization.dataSecretCreated}, or {@code status.ready} under v1beta1. */
    public Field<Boolean> dataSecretCreated() {
        return dataSecretCreated;
    }

    /** {@code status.conditions}. */
    public Field<List<Condition>> conditions() {
        return conditions;
    }

    /** {@code status.failureReason}: informational only since v1beta2, never terminal. */
    public Field<String> failureReason() {
        return failureReason;
    }

    /** {@code status.failureMessage}: informational only since v1beta2, never terminal. */
    public Field<String> failureMessage() {
        return failureMessage;
    }
}
