package io.capj.api.core.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.schema.Schema.anyValue;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.int64;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.apimachinery.Json;
import io.capj.api.schema.Schema;

/**
 * {@code ClusterClass.spec.variables}: variables a Cluster can set, each with an OpenAPI schema. Only the top
 * level of that schema is typed here; nested schemas (properties, items, allOf, ...) are kept as written and
 * checked when the class is reconciled, as upstream does.
 */
final class ClusterClassVariablesSchema {
    private ClusterClassVariablesSchema() {
    }

    static Schema variable() {
        return object()
                .require("name", string().length(1, 256))
                .require("required", bool())
                .property("deprecatedV1Beta1Metadata", labelsAndAnnotations())
                .require("schema", variableSchema());
    }

    /** {@code schema.openAPIV3Schema}: the subset of JSONSchemaProps a variable may use. */
    static Schema variableSchema() {
        Schema props = object().nonEmpty()
                .property("description", string().length(1, 4096))
                .property("example", anyValue())
                .property("type", string().oneOf("object", "array", "string", "integer", "number", "boolean"))
                .property("format", string().length(1, 32))
                .property("pattern", string().length(1, 512))
                .property("enum", arrayOf(anyValue()).maxItems(100).atomicList())
                .property("default", anyValue())
                .property("required", arrayOf(string().length(1, 256)).items(1, 1000).atomicList())
                .property("uniqueItems", bool())
                .property("exclusiveMaximum", bool())
                .property("exclusiveMinimum", bool())
                .property("x-kubernetes-preserve-unknown-fields", bool())
                .property("x-kubernetes-int-or-string", bool())
                .property("x-kubernetes-validations", validationRules())
                .property("x-metadata", labelsAndAnnotations());
        for (String bound : new String[] {"maximum", "minimum", "maxLength", "minLength", "maxItems", "minItems",
                "maxProperties", "minProperties"}) {
            props.property(bound, int64());
        }
        for (String nested : new String[] {"properties", "additionalProperties", "items", "allOf", "oneOf", "anyOf",
                "not"}) {
            props.property(nested, anyValue());
        }
        return object().require("openAPIV3Schema", props);
    }

    private static Schema validationRules() {
        Schema rule = object()
                .require("rule", string().length(1, 4096))
                .property("message", string().length(1, 512))
                .property("messageExpression", string().length(1, 1024))
                .property("reason", string().oneOf("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired",
                        "FieldValueDuplicate").defaultValue(Json.NODES.textNode("FieldValueInvalid")))
                .property("fieldPath", string().length(1, 512));
        return arrayOf(rule).items(1, 100).listMap("rule");
    }
}
