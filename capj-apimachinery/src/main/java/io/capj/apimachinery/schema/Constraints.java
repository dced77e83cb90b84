package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.List;

/**
 * The value validations of one schema node (OpenAPI keywords that constrain values but do not shape the object):
 * bounds, lengths, sizes, {@code pattern}, {@code enum}, {@code required} and the {@code allOf}/{@code anyOf}/
 * {@code oneOf}/{@code not} compositions. Patterns are RE2 ({@code re2j}), the dialect of Go's {@code regexp}, so a
 * CRD pattern matches here exactly as it does in kube-apiserver.
 */
final class Constraints {
    static final Constraints NONE = new Constraints(new Builder());

    final BigDecimal maximum;
    final boolean exclusiveMaximum;
    final BigDecimal minimum;
    final boolean exclusiveMinimum;
    final BigDecimal multipleOf;
    final Long maxLength;
    final Long minLength;
    final Pattern pattern;
    final Long maxItems;
    final Long minItems;
    final boolean uniqueItems;
    final Long maxProperties;
    final Long minProperties;
    final List<JsonNode> enumValues;
    final List<String> required;
    final List<SchemaNode> allOf;
    final List<SchemaNode> anyOf;
    final List<SchemaNode> oneOf;
    final SchemaNode not;

    private Constraints(Builder b) {
        maximum = b.maximum;
        exclusiveMaximum = b.exclusiveMaximum;
        minimum = b.minimum;
        exclusiveMinimum = b.exclusiveMinimum;
        multipleOf = b.multipleOf;
        maxLength = b.maxLength;
        minLength = b.minLength;
        pattern = b.pattern;
        maxItems = b.maxItems;
        minItems = b.minItems;
        uniqueItems = b.uniqueItems;
        maxProperties = b.maxProperties;
        minProperties = b.minProperties;
        enumValues = List.copyOf(b.enumValues);
        required = List.copyOf(b.required);
        allOf = List.copyOf(b.allOf);
        anyOf = List.copyOf(b.anyOf);
        oneOf = List.copyOf(b.oneOf);
        not = b.not;
    }

    boolean hasCompositions() {
        return !allOf.isEmpty() || !anyOf.isEmpty() || !oneOf.isEmpty() || not != null;
    }

    /** Mutable collector used by {@link SchemaReader}; a node's constraints never change once built. */
    static final class Builder {
        BigDecimal maximum;
        boolean exclusiveMaximum;
        BigDecimal minimum;
        boolean exclusiveMinimum;
        BigDecimal multipleOf;
        Long maxLength;
        Long minLength;
        Pattern pattern;
        Long maxItems;
        Long minItems;
        boolean uniqueItems;
        Long maxProperties;
        Long minProperties;
        List<JsonNode> enumValues = List.of();
        List<String> required = List.of();
        List<SchemaNode> allOf = List.of();
        List<SchemaNode> anyOf = List.of();
        List<SchemaNode> oneOf = List.of();
        SchemaNode not;

        Constraints build() {
            return new Constraints(this);
        }
    }
}
