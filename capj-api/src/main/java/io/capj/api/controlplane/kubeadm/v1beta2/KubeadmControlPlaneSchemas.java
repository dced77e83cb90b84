package io.capj.api.controlplane.kubeadm.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.machineDeletionTimeouts;
import static io.capj.api.core.v1beta2.CommonTypes.machineTaints;
import static io.capj.api.core.v1beta2.CommonTypes.seconds;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpecSchema;
import io.capj.api.schema.Schema;

/**
 * The spec fields KubeadmControlPlane and KubeadmControlPlaneTemplate share: the kubeadm config, rollout,
 * remediation and Machine naming, plus the parts of the Machine template both carry (deletion timeouts and
 * taints). Each method returns a fresh schema.
 */
final class KubeadmControlPlaneSchemas {
    private KubeadmControlPlaneSchemas() {
    }

    /** {@code kubeadmConfigSpec}: the KubeadmConfig spec every control-plane Machine is bootstrapped from. */
    static Schema kubeadmConfigSpec() {
        return KubeadmConfigSpecSchema.spec();
    }

    /** {@code rollout}: when Machines are replaced (certificate expiry, a point in time) and how. */
    static Schema rollout() {
        Schema strategy = object().nonEmpty()
                .require("type", string().oneOf("RollingUpdate"))
                .property("rollingUpdate", object().nonEmpty().property("maxSurge", intOrString()));
        return object().nonEmpty()
                .property("before", object().nonEmpty()
                        .property("certificatesExpiryDays", int32().minimum(7)))
                .property("after", dateTime())
                .property("strategy", strategy);
    }

    /** {@code remediation}: how often and how fast unhealthy control-plane Machines are replaced. */
    static Schema remediation() {
        return object().nonEmpty()
                .property("maxRetry", int32())
                .property("retryPeriodSeconds", seconds())
                .property("minHealthyPeriodSeconds", seconds());
    }

    /** {@code machineNaming}: the template Machine names are generated from. */
    static Schema machineNaming() {
        return object().nonEmpty().property("template", string().length(1, 256));
    }

    /** {@code deletion}: drain, volume detach and node deletion timeouts of the Machines. */
    static Schema deletion() {
        return machineDeletionTimeouts();
    }

    /** {@code taints}: taints propagated to the Machines' Nodes. */
    static Schema taints() {
        return machineTaints();
    }
}
