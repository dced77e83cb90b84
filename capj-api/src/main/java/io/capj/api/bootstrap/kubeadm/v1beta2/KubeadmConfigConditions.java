package io.capj.api.bootstrap.kubeadm.v1beta2;

import io.capj.api.core.v1beta2.CommonConditions;

/** KubeadmConfig's v1beta2 condition types and reasons, with upstream's names and values. */
public final class KubeadmConfigConditions {
    /** Summary of DataSecretAvailable and CertificatesAvailable. */
    public static final String KubeadmConfigReadyCondition = "Ready";
    public static final String KubeadmConfigReadyReason = CommonConditions.ReadyReason;
    public static final String KubeadmConfigNotReadyReason = CommonConditions.NotReadyReason;
    public static final String KubeadmConfigReadyUnknownReason = CommonConditions.ReadyUnknownReason;

    /** The certificates the bootstrap data needs were found or generated. */
    public static final String KubeadmConfigCertificatesAvailableCondition = "CertificatesAvailable";
    public static final String KubeadmConfigCertificatesAvailableReason = CommonConditions.AvailableReason;
    public static final String KubeadmConfigCertificatesAvailableInternalErrorReason =
            CommonConditions.InternalErrorReason;

    /** The bootstrap data Secret exists. */
    public static final String KubeadmConfigDataSecretAvailableCondition = "DataSecretAvailable";
    public static final String KubeadmConfigDataSecretAvailableReason = CommonConditions.AvailableReason;
    public static final String KubeadmConfigDataSecretNotAvailableReason = CommonConditions.NotAvailableReason;

    private KubeadmConfigConditions() {
    }
}
