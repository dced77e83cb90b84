package io.capj.apimachinery.schema;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The declared CEL types of a schema, so rules are type-checked when the CRD is compiled ({@code self.nosuch} does not
 * compile): objects with properties become struct types named by their path ({@code Object.spec.topology}), maps
 * ({@code additionalProperties}) map types, arrays list types, and strings with format {@code byte},
 * {@code duration}, {@code date} or {@code date-time} bytes, durations and timestamps, as upstream declares them.
 * Int-or-string, nullable and untyped places are {@code dyn}. Resources (the root, embedded resources) expose
 * {@code apiVersion}, {@code kind} and {@code metadata.name}/{@code metadata.generateName}.
 */
final class CelTypes implements CelTypeProvider {
    private final Map<SchemaNode, CelType> types = new IdentityHashMap<>();
    private final Map<String, CelType> structs = new HashMap<>();

    private CelTypes() {
    }

    static CelTypes declare(SchemaNode root) {
        CelTypes t = new CelTypes();
        t.declare(root, "Object", true);
        return t;
    }

    CelType typeOf(SchemaNode s) {
        return types.getOrDefault(s, SimpleType.DYN);
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String name) {
        return Optional.ofNullable(structs.get(name));
    }

    private CelType declare(SchemaNode s, String name, boolean resource) {
        CelType items = s.items == null ? null : declare(s.items, name + ".@items", s.items.embeddedResource);
        CelType values = s.additionalProperties == null ? null
                : declare(s.additionalProperties, name + ".@values", s.additionalProperties.embeddedResource);
        Map<String, CelType> fields = new LinkedHashMap<>();
        s.properties.forEach((k, p) -> {
            CelType t = declare(p, name + "." + k, p.embeddedResource);
            String celName = CelNames.escape(k);
            if (celName != null) {
                fields.put(celName, t);
            }
        });
        CelType own = s.intOrString || s.nullable ? SimpleType.DYN : switch (s.type) {
            case "array" -> ListType.create(items == null ? SimpleType.DYN : items);
            case "object" -> object(s, name, resource, values, fields);
            case "string" -> string(s.format);
            case "integer" -> SimpleType.INT;
            case "number" -> SimpleType.DOUBLE;
            case "boolean" -> SimpleType.BOOL;
            default -> resource ? object(s, name, true, values, fields) : SimpleType.DYN;
        };
        types.put(s, own);
        return own;
    }

    private CelType object(SchemaNode s, String name, boolean resource, CelType values, Map<String, CelType> fields) {
        if (values != null) {
            return MapType.create(SimpleType.STRING, values);
        }
        if (resource) {
            fields.put("apiVersion", SimpleType.STRING);
            fields.put("kind", SimpleType.STRING);
            fields.put("metadata", struct(name + ".metadata",
                    Map.of("name", SimpleType.STRING, "generateName", SimpleType.STRING)));
        }
        if (fields.isEmpty() && s.preserveUnknownFields) {
            return SimpleType.DYN;
        }
        return struct(name, fields);
    }

    private CelType struct(String name, Map<String, CelType> fields) {
        Map<String, CelType> copy = Map.copyOf(fields);
        StructType t = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
                field -> Optional.ofNullable(copy.get(field)));
        structs.put(name, t);
        return t;
    }

    private static CelType string(String format) {
        return switch (format) {
            case "byte" -> SimpleType.BYTES;
            case "duration" -> SimpleType.DURATION;
            case "date", "date-time" -> SimpleType.TIMESTAMP;
            default -> SimpleType.STRING;
        };
    }
}
