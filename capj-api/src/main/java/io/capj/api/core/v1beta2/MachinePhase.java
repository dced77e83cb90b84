package io.capj.api.core.v1beta2;

import java.util.Arrays;

/** The values of {@code Machine.status.phase}; Failed and Unknown are kept for v1beta1 clients. */
public enum MachinePhase {
    Pending,
    Provisioning,
    Provisioned,
    Running,
    Updating,
    Deleting,
    Deleted,
    Failed,
    Unknown;

    /** The phase names, in declaration order, as the schema's enum lists them. */
    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
