package io.capj.core.machinedeployment;

import java.util.Objects;

/**
 * A MachineDeployment's {@code spec.rollout.strategy}: RollingUpdate with its bounds, or OnDelete. Upstream's
 * defaults for RollingUpdate are maxSurge 1 and maxUnavailable 0.
 */
public record RolloutStrategy(Type type, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {

    /** The strategy types, with upstream's strings. */
    public enum Type {
        ROLLING_UPDATE("RollingUpdate"), ON_DELETE("OnDelete");

        private final String value;

        Type(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public RolloutStrategy {
        Objects.requireNonNull(type, "type");
        maxSurge = maxSurge == null ? IntOrPercent.of(1) : maxSurge;
        maxUnavailable = maxUnavailable == null ? IntOrPercent.of(0) : maxUnavailable;
    }

    public static RolloutStrategy rollingUpdate(IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
        return new RolloutStrategy(Type.ROLLING_UPDATE, maxSurge, maxUnavailable);
    }

    public static RolloutStrategy rollingUpdate(int maxSurge, int maxUnavailable) {
        return rollingUpdate(IntOrPercent.of(maxSurge), IntOrPercent.of(maxUnavailable));
    }

    public static RolloutStrategy onDelete() {
        return new RolloutStrategy(Type.ON_DELETE, null, null);
    }

    public boolean isRollingUpdate() {
        return type == Type.ROLLING_UPDATE;
    }
}
