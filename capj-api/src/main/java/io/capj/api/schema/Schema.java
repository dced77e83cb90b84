package io.capj.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;

/**
 * One node of a structural OpenAPI v3 schema as a CustomResourceDefinition carries it, built fluently:
 * {@code Schema.object().require("name", Schema.string().length(1, 253))}. Every factory returns a fresh
 * node, so a method that returns a shared shape (a reference, a condition list) can be called wherever the
 * shape recurs. Keywords are the apiextensions.k8s.io/v1 ones; the server checks that the result is
 * structural, so this class does not.
 */
public final class Schema {
    private final ObjectNode node = Json.object();

    private Schema() {
    }

    private static Schema typed(String type) {
        Schema schema = new Schema();
        schema.node.put("type", type);
        return schema;
    }

    /** An object whose fields are declared with {@link #property} and {@link #require}. */
    public static Schema object() {
        return typed("object");
    }

    public static Schema string() {
        return typed("string");
    }

    public static Schema bool() {
        return typed("boolean");
    }

    /** A Go {@code int32}. */
    public static Schema int32() {
        return typed("integer").format("int32");
    }

    /** A Go {@code int64}. */
    public static Schema int64() {
        return typed("integer").format("int64");
    }

    /** A {@code metav1.Time}: an RFC 3339 string. */
    public static Schema dateTime() {
        return string().format("date-time");
    }

    /** A list; say how it merges with {@link #listMap}, {@link #listSet} or {@link #atomicList}. */
    public static Schema arrayOf(Schema items) {
        Schema schema = typed("array");
        schema.node.set("items", items.node);
        return schema;
    }

    /** A string-keyed map whose values all have the given schema. */
    public static Schema mapOf(Schema values) {
        Schema schema = object();
        schema.node.set("additionalProperties", values.node);
        return schema;
    }

    /** A Kubernetes {@code IntOrString}: an integer or a string such as {@code "25%"}. */
    public static Schema intOrString() {
        Schema schema = new Schema();
        ArrayNode anyOf = schema.node.putArray("anyOf");
        anyOf.addObject().put("type", "integer");
        anyOf.addObject().put("type", "string");
        schema.node.put("x-kubernetes-int-or-string", true);
        return schema;
    }

    /** Any JSON value, kept as written (no pruning below this node). */
    public static Schema anyValue() {
        Schema schema = new Schema();
        schema.node.put("x-kubernetes-preserve-unknown-fields", true);
        return schema;
    }

    /** Declares an optional field. */
    public Schema property(String name, Schema schema) {
        properties().set(name, schema.node);
        return this;
    }

    /** Declares a field that must be present. */
    public Schema require(String name, Schema schema) {
        property(name, schema);
        required().add(name);
        return this;
    }

    public Schema description(String text) {
        node.put("description", text);
        return this;
    }

    public Schema format(String format) {
        node.put("format", format);
        return this;
    }

    /** {@code minLength} and {@code maxLength} in characters. */
    public Schema length(int min, int max) {
        node.put("minLength", min);
        node.put("maxLength", max);
        return this;
    }

    public Schema minLength(int min) {
        node.put("minLength", min);
        return this;
    }

    public Schema maxLength(int max) {
        node.put("maxLength", max);
        return this;
    }

    /** An ECMA 262 regular expression the whole value must match (anchor it yourself). */
    public Schema pattern(String regex) {
        node.put("pattern", regex);
        return this;
    }

    /** The only values allowed. */
    public Schema oneOf(String... values) {
        ArrayNode allowed = node.putArray("enum");
        for (String value : values) {
            allowed.add(value);
        }
        return this;
    }

    public Schema minimum(long min) {
        node.put("minimum", min);
        return this;
    }

    public Schema maximum(long max) {
        node.put("maximum", max);
        return this;
    }

    /** {@code minItems} and {@code maxItems}. */
    public Schema items(int min, int max) {
        node.put("minItems", min);
        node.put("maxItems", max);
        return this;
    }

    public Schema maxItems(int max) {
        node.put("maxItems", max);
        return this;
    }

    /** An object that must not be empty when present: Cluster API's "optional, but never {}" rule. */
    public Schema nonEmpty() {
        node.put("minProperties", 1);
        return this;
    }

    /** A list merged item by item, items identified by the given keys (server-side apply and CEL). */
    public Schema listMap(String... keys) {
        node.put("x-kubernetes-list-type", "map");
        ArrayNode keyNames = node.putArray("x-kubernetes-list-map-keys");
        for (String key : keys) {
            keyNames.add(key);
        }
        return this;
    }

    /** A list of unique scalars. */
    public Schema listSet() {
        node.put("x-kubernetes-list-type", "set");
        return this;
    }

    /** A list replaced as a whole. */
    public Schema atomicList() {
        node.put("x-kubernetes-list-type", "atomic");
        return this;
    }

    /** An object replaced as a whole. */
    public Schema atomicMap() {
        node.put("x-kubernetes-map-type", "atomic");
        return this;
    }

    /** Keeps fields the schema does not declare. */
    public Schema preserveUnknownFields() {
        node.put("x-kubernetes-preserve-unknown-fields", true);
        return this;
    }

    /** The value the server fills in when the field is absent. */
    public Schema defaultValue(JsonNode value) {
        node.set("default", value);
        return this;
    }

    /** A CEL rule ({@code x-kubernetes-validations}) with the message users see when it fails. */
    public Schema rule(String rule, String message) {
        ArrayNode rules = node.has("x-kubernetes-validations")
                ? (ArrayNode) node.get("x-kubernetes-validations")
                : node.putArray("x-kubernetes-validations");
        rules.addObject().put("rule", rule).put("message", message);
        return this;
    }

    /** A deep copy of the schema as JSON. */
    public ObjectNode toJson() {
        return node.deepCopy();
    }

    private ObjectNode properties() {
        return node.has("properties") ? (ObjectNode) node.get("properties") : node.putObject("properties");
    }

    private ArrayNode required() {
        return node.has("required") ? (ArrayNode) node.get("required") : node.putArray("required");
    }
}
