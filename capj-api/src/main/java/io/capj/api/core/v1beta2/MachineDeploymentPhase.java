package io.capj.api.core.v1beta2;

import java.util.Arrays;

/** The values of {@code MachineDeployment.status.phase}. */
public enum MachineDeploymentPhase {
    ScalingUp,
    ScalingDown,
    Running,
    Failed,
    Unknown;

    /** The phase names, in declaration order, as the schema's enum lists them. */
    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
