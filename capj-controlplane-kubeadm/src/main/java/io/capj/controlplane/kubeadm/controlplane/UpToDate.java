package io.capj.controlplane.kubeadm.controlplane;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneView;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a control-plane Machine is up to date with its KubeadmControlPlane, with the reasons upstream's
 * {@code UpToDate}/{@code matchesMachineSpec} give, in upstream's order:
 * <ol>
 * <li>certificates expire within {@code rollout.before.certificatesExpiryDays} ({@code status.certificatesExpiryDate}
 * before now + days);</li>
 * <li>{@code rollout.after} has passed and the Machine was created before it;</li>
 * <li>{@code spec.version} differs from the KCP's;</li>
 * <li>the KubeadmConfig differs ({@link KubeadmConfigComparison}); a missing bootstrap ref or KubeadmConfig
 * counts as matching (a safety precaution upstream takes);</li>
 * <li>the InfraMachine's {@code cluster.x-k8s.io/cloned-from-name}/{@code -groupkind} annotations name another
 * template than {@code machineTemplate.spec.infrastructureRef}; a missing InfraMachine or missing annotations
 * count as matching.</li>
 * </ol>
 * Labels and annotations never make a Machine outdated: KCP propagates them in place.
 */
public final class UpToDate {

    private UpToDate() {
    }

    /** The result for one Machine: condition messages (the UpToDate condition's) and log messages, same order. */
    public record Result(List<String> conditionMessages, List<String> logMessages) {
        public boolean upToDate() {
            return conditionMessages.isEmpty();
        }
    }

    public static Result check(KubeadmControlPlaneView kcp, ControlPlaneMachine machine, Instant now) {
        List<String> conditions = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        if (certificatesExpireSoon(kcp, machine, now)) {
            logs.add("certificates will expire soon, rolloutBefore expired");
            conditions.add("Certificates will expire soon");
        }
        if (rolloutAfterPassed(kcp, machine, now)) {
            logs.add("rolloutAfter expired");
            conditions.add("KubeadmControlPlane spec.rolloutAfter expired");
        }
        if (!kcp.version().equals(machine.version())) {
            logs.add(String.format("Machine version \"%s\" is not equal to KCP version \"%s\"", machine.version(),
                    kcp.version()));
            conditions.add(String.format("Version %s, %s required", machine.version(), kcp.version()));
        }
        if (machine.bootstrapConfigName().isPresent() && machine.kubeadmConfig().isPresent()) {
            KubeadmConfigComparison.Outcome outcome = KubeadmConfigComparison.compare(kcp.kubeadmConfigSpec(),
                    kcp.version(), machine.kubeadmConfig().get().path("spec"));
            if (!outcome.matches()) {
                logs.add(outcome.logMessage());
                conditions.add("KubeadmConfig is not up-to-date");
            }
        }
        String rotated = infrastructureTemplateRotation(kcp, machine);
        if (rotated != null) {
            logs.add(rotated);
            conditions.add(machine.infrastructureKind() + " is not up-to-date");
        }
        return new Result(List.copyOf(conditions), List.copyOf(logs));
    }

    /** Upstream {@code ShouldRolloutBefore}: 0 days (unset) never triggers; no expiry date never triggers. */
    static boolean certificatesExpireSoon(KubeadmControlPlaneView kcp, ControlPlaneMachine machine, Instant now) {
        int days = kcp.rolloutBeforeCertificatesExpiryDays().orElse(0);
        if (days == 0) {
            return false;
        }
        return machine.certificatesExpiryDate()
                .map(expiry -> now.plus(Duration.ofDays(days)).isAfter(expiry))
                .orElse(false);
    }

    /** Upstream {@code ShouldRolloutAfter}: creationTimestamp &lt; rollout.after &lt; now. */
    static boolean rolloutAfterPassed(KubeadmControlPlaneView kcp, ControlPlaneMachine machine, Instant now) {
        return kcp.rolloutAfter()
                .map(after -> machine.creationTimestamp().isBefore(after) && after.isBefore(now))
                .orElse(false);
    }

    /** The log message when the InfraMachine was cloned from another template, else null. */
    static String infrastructureTemplateRotation(KubeadmControlPlaneView kcp, ControlPlaneMachine machine) {
        if (machine.infraMachine().isEmpty()) {
            return null;
        }
        var annotations = machine.infraMachine().get().at("/metadata/annotations");
        if (!annotations.has(CoreAnnotations.TemplateClonedFromNameAnnotation)
                || !annotations.has(CoreAnnotations.TemplateClonedFromGroupKindAnnotation)) {
            return null;
        }
        String fromName = annotations.path(CoreAnnotations.TemplateClonedFromNameAnnotation).asText();
        String fromGroupKind = annotations.path(CoreAnnotations.TemplateClonedFromGroupKindAnnotation).asText();
        String templateName = kcp.infrastructureRef().map(ContractRef::name).orElse("");
        if (fromName.equals(templateName) && fromGroupKind.equals(kcp.infrastructureTemplateGroupKind())) {
            return null;
        }
        return String.format("Infrastructure template on KCP rotated from %s %s to %s %s", fromGroupKind, fromName,
                kcp.infrastructureTemplateGroupKind(), templateName);
    }
}
