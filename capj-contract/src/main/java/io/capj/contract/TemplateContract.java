package io.capj.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The contract shared by provider templates (InfraClusterTemplate, InfraMachineTemplate,
 * BootstrapConfigTemplate, ControlPlaneTemplate): core clones {@code spec.template.spec} and
 * {@code spec.template.metadata} into new objects. The paths are the same in v1beta1 and v1beta2.
 */
public final class TemplateContract {
    private static final TemplateContract INSTANCE = new TemplateContract();

    private final Field<ObjectNode> template = new Field<>(Codec.OBJECT, "spec", "template");
    private final Field<ObjectNode> templateSpec = new Field<>(Codec.OBJECT, "spec", "template", "spec");
    private final Field<ObjectNode> templateMetadata = new Field<>(Codec.OBJECT, "spec", "template", "metadata");
    private final Field<Map<String, String>> capacity = new Field<>(Codec.STRING_MAP, "status", "capacity");

    private TemplateContract() {
    }

    /** The accessors for a contract version; template paths do not differ between versions. */
    public static TemplateContract forContract(String contract) {
        ContractVersion.labelKey(contract); // rejects an empty contract like the other contracts do
        return INSTANCE;
    }

    /** {@code spec.template} (deep copy on read). */
    public Field<ObjectNode> template() {
        return template;
    }

    /** {@code spec.template.spec}: what is cloned into the new object's {@code spec} (deep copy on read). */
    public Field<ObjectNode> templateSpec() {
        return templateSpec;
    }

    /** {@code spec.template.metadata}: labels and annotations for cloned objects (deep copy on read). */
    public Field<ObjectNode> templateMetadata() {
        return templateMetadata;
    }

    /** InfraMachineTemplate {@code status.capacity} (resource name → quantity), for autoscale from zero. */
    public Field<Map<String, String>> capacity() {
        return capacity;
    }
}
