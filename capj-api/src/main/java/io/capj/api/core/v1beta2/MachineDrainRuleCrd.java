package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.labelSelector;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.CrdBuilder;
import io.capj.api.schema.Schema;

/**
 * The {@code machinedrainrules.cluster.x-k8s.io} definition: how the Machine controller drains the Pods a
 * rule selects (drain, skip, or wait for completion, and in which order). It has no status.
 */
public final class MachineDrainRuleCrd {
    private static final String DESCRIPTION = "How Machine deletion drains the selected Pods on the selected "
            + "Machines: drain them, skip them, or wait for them to complete, in a given order.";

    private MachineDrainRuleCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category and printer columns and no status subresource. */
    public static ObjectNode definition() {
        return CrdBuilder.namespaced(CoreGroup.NAME, "MachineDrainRule").categories(CoreGroup.CATEGORY)
                .withoutStatus()
                .version(CoreGroup.VERSION, object().description(DESCRIPTION)
                        .require("metadata", object()).require("spec", spec()))
                .column("Behavior", "string", ".spec.drain.behavior")
                .column("Order", "string", ".spec.drain.order")
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema spec() {
        Schema drain = object()
                .require("behavior", string().oneOf("Drain", "Skip", "WaitCompleted"))
                .property("order", int32());
        Schema machines = object().nonEmpty()
                .property("selector", labelSelector())
                .property("clusterSelector", labelSelector());
        Schema pods = object().nonEmpty()
                .property("selector", labelSelector())
                .property("namespaceSelector", labelSelector());
        return object()
                .require("drain", drain)
                .property("machines", uniqueSelectors(machines, "machines"))
                .property("pods", uniqueSelectors(pods, "pods"));
    }

    /** A list of selector pairs in which no entry appears twice (a CEL rule, as the list is atomic). */
    private static Schema uniqueSelectors(Schema entry, String field) {
        return arrayOf(entry).items(1, 32).atomicList()
                .rule("self.all(x, self.exists_one(y, x == y))", "entries in " + field + " must be unique");
    }
}
