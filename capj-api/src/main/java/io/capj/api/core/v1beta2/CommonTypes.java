package io.capj.api.core.v1beta2;

import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.dateTime;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.int64;
import static io.capj.api.schema.Schema.mapOf;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.api.schema.Schema;

/**
 * Schema shapes shared by several Cluster API kinds: references, conditions, metadata, taints, gates,
 * selectors and the deprecated v1beta1 status block. Each method returns a fresh schema.
 */
public final class CommonTypes {
    private CommonTypes() {
    }

    /** An object name (RFC 1123 subdomain). */
    public static Schema objectName() {
        return string().length(1, 253).pattern(NamePatterns.DNS_SUBDOMAIN);
    }

    /** A Kubernetes version string such as {@code v1.33.0}. */
    public static Schema version() {
        return string().length(1, 256);
    }

    /** The name of the Cluster an object belongs to. */
    public static Schema clusterName() {
        return string().length(1, 63);
    }

    /** A failure domain name. */
    public static Schema failureDomain() {
        return string().length(1, 256);
    }

    /** A reference whose version is resolved from the referenced CRD's contract labels. */
    public static Schema contractRef() {
        return object()
                .require("apiGroup", string().length(1, 253).pattern(NamePatterns.DNS_SUBDOMAIN))
                .require("kind", string().length(1, 63).pattern(NamePatterns.KIND))
                .require("name", objectName());
    }

    /** A reference carrying a full apiVersion (remediation templates). */
    public static Schema versionedRef() {
        return object()
                .require("apiVersion", string().length(1, 317).pattern(NamePatterns.API_VERSION))
                .require("kind", string().length(1, 63).pattern(NamePatterns.KIND))
                .require("name", objectName());
    }

    /** The labels and annotations an owner stamps onto what it creates. */
    public static Schema labelsAndAnnotations() {
        return object().nonEmpty()
                .property("labels", mapOf(string()))
                .property("annotations", mapOf(string()));
    }

    /** A {@code metav1.LabelSelector}. */
    public static Schema labelSelector() {
        Schema requirement = object()
                .require("key", string())
                .require("operator", string())
                .property("values", arrayOf(string()).atomicList());
        return object().atomicMap()
                .property("matchLabels", mapOf(string()))
                .property("matchExpressions", arrayOf(requirement).atomicList());
    }

    /** {@code status.conditions}: {@code metav1.Condition} items keyed by type. */
    public static Schema conditions() {
        Schema condition = object()
                .require("type", string().maxLength(316).pattern(NamePatterns.CONDITION_TYPE))
                .require("status", string().oneOf("True", "False", "Unknown"))
                .property("observedGeneration", int64().minimum(0))
                .require("lastTransitionTime", dateTime())
                .require("reason", string().length(1, 1024).pattern(NamePatterns.CONDITION_REASON))
                .require("message", string().maxLength(32768));
        return arrayOf(condition).maxItems(32).listMap("type");
    }

    /** The v1beta1 condition list kept under {@code status.deprecated.v1beta1}. */
    public static Schema v1beta1Conditions() {
        Schema condition = object()
                .require("type", string().length(1, 256))
                .require("status", string())
                .property("severity", string().maxLength(32))
                .require("lastTransitionTime", dateTime())
                .property("reason", string().length(1, 256))
                .property("message", string().length(1, 10240));
        return arrayOf(condition);
    }

    /** {@code failureReason} and {@code failureMessage} of the v1beta1 status. */
    public static Schema withFailure(Schema v1beta1) {
        return v1beta1
                .property("failureReason", string())
                .property("failureMessage", string().length(1, 10240));
    }

    /** Extra conditions that gate readiness or availability (Machine readinessGates, Cluster availabilityGates). */
    public static Schema conditionGates() {
        Schema gate = object()
                .require("conditionType", string().length(1, 316).pattern(NamePatterns.CONDITION_TYPE))
                .property("polarity", string().oneOf("Positive", "Negative"));
        return arrayOf(gate).items(1, 32).listMap("conditionType");
    }

    /** Node taints a Machine's owner manages, keyed by key and effect. */
    public static Schema machineTaints() {
        Schema taint = object()
                .require("key", string().length(1, 317).pattern(NamePatterns.TAINT_KEY))
                .property("value", string().length(1, 63).pattern(NamePatterns.TAINT_VALUE))
                .require("effect", string().oneOf("NoSchedule", "PreferNoSchedule", "NoExecute"))
                .require("propagation", string().oneOf("Always", "OnInitialization"));
        return arrayOf(taint).items(1, 64).listMap("key", "effect");
    }

    /** The three Machine deletion timeouts, in seconds. */
    public static Schema machineDeletionTimeouts() {
        return object().nonEmpty()
                .property("nodeDrainTimeoutSeconds", seconds())
                .property("nodeVolumeDetachTimeoutSeconds", seconds())
                .property("nodeDeletionTimeoutSeconds", seconds());
    }

    /** A non-negative duration in seconds. */
    public static Schema seconds() {
        return int32().minimum(0);
    }

    /** The order in which a MachineSet picks Machines to delete. */
    public static Schema deletionOrder() {
        return string().oneOf("Random", "Newest", "Oldest");
    }

    /** {@code status.observedGeneration}. */
    public static Schema observedGeneration() {
        return int64().minimum(1);
    }

    /** Machines per Kubernetes version, as reported by sets and deployments. */
    public static Schema versionCounts() {
        Schema entry = object()
                .require("version", version())
                .property("replicas", int32().minimum(1));
        return arrayOf(entry).items(1, 100).listMap("version");
    }

    /** A replica counter. */
    public static Schema replicas() {
        return int32();
    }

    /** A flag in {@code status.initialization}. */
    public static Schema flag() {
        return bool();
    }
}
