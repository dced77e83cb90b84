package io.capj.controlplane.kubeadm.controlplane;

/** The state of one condition on an object: its status, or {@link #ABSENT} when it is not reported. */
public enum ConditionState {
    TRUE, FALSE, UNKNOWN, ABSENT;

    static ConditionState of(String status) {
        return switch (status) {
            case "True" -> TRUE;
            case "False" -> FALSE;
            case "Unknown" -> UNKNOWN;
            default -> ABSENT;
        };
    }
}
