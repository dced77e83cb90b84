package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.apimachinery.patch.MergeSchema;
import org.junit.jupiter.api.Test;

/** The merge view of a schema for strategic merge patch and server-side apply. */
class MergeSchemaTest {
    private static final MergeSchema ROOT = Yaml.specSchema("""
            conditions:
              type: array
              x-kubernetes-list-type: map
              x-kubernetes-list-map-keys: [type]
              items: {type: object, required: [type], properties: {type: {type: string}, status: {type: string}}}
            finalizers:
              type: array
              x-kubernetes-list-type: set
              items: {type: string}
            args: {type: array, items: {type: string}}
            selector:
              type: object
              x-kubernetes-map-type: atomic
              properties: {app: {type: string}}
            labels: {type: object, additionalProperties: {type: string}}
            values: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """).mergeSchema();

    @Test
    void mapListsMergeByKeys() {
        MergeSchema conditions = ROOT.field("spec").field("conditions");

        assertThat(conditions.listType()).isEqualTo(MergeSchema.ListType.MAP);
        assertThat(conditions.listMapKeys()).containsExactly("type");
        assertThat(conditions.items().field("status").listType()).isEqualTo(MergeSchema.ListType.ATOMIC);
    }

    @Test
    void setsAndAtomicLists() {
        assertThat(ROOT.field("spec").field("finalizers").listType()).isEqualTo(MergeSchema.ListType.SET);
        assertThat(ROOT.field("spec").field("args").listType()).isEqualTo(MergeSchema.ListType.ATOMIC);
        assertThat(ROOT.field("spec").field("args").listMapKeys()).isEmpty();
    }

    @Test
    void mapTypes() {
        assertThat(ROOT.field("spec").field("selector").atomicMap()).isTrue();
        assertThat(ROOT.field("spec").atomicMap()).isFalse();
        assertThat(ROOT.field("spec").field("labels").field("any-key").listType())
                .isEqualTo(MergeSchema.ListType.ATOMIC);
    }

    @Test
    void unknownPlacesAreDeduced() {
        assertThat(ROOT.field("spec").field("values").field("anything")).isSameAs(MergeSchema.DEDUCED);
        assertThat(ROOT.field("spec").field("nosuch")).isSameAs(MergeSchema.DEDUCED);
        assertThat(ROOT.field("spec").field("selector").items()).isSameAs(MergeSchema.DEDUCED);
    }
}
