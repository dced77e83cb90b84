package io.capj.api.infrastructure.dev.v1beta2;

import static io.capj.api.schema.Schema.intOrString;
import static io.capj.api.schema.Schema.mapOf;
import static io.capj.api.schema.Schema.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.schema.Schema;

/**
 * The {@code devmachinetemplates.infrastructure.cluster.x-k8s.io} definition: a DevMachine spec that
 * MachineDeployments, MachineSets and control planes clone. Its status may report the capacity of the
 * machines it makes, for autoscaling from zero.
 */
public final class DevMachineTemplateCrd {
    /** A Kubernetes resource quantity such as {@code 4}, {@code 500m} or {@code 16Gi}. */
    private static final String QUANTITY = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))"
            + "(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
    private static final String DESCRIPTION = "A template for DevMachines: spec.template.spec is a DevMachine spec.";

    private DevMachineTemplateCrd() {
    }

    /** The CRD, v1beta2 only, with upstream's category, Age column and status subresource. */
    public static ObjectNode definition() {
        return DevInfrastructureCrds.kind("DevMachineTemplate")
                .version(DevInfrastructureCrds.VERSION, object().description(DESCRIPTION)
                        .property("spec", object().require("template", DevSchemas.template(DevSchemas.machineSpec())))
                        .property("status", status()))
                .column("Age", "date", ".metadata.creationTimestamp")
                .build();
    }

    private static Schema status() {
        return object().property("capacity", mapOf(intOrString().pattern(QUANTITY)));
    }
}
