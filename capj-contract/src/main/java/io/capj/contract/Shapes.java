package io.capj.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Codecs for the structured contract values, one per JSON shape (v1beta2 and its v1beta1 fallback). */
final class Shapes {
    private Shapes() {
    }

    static final Codec<ApiEndpoint> ENDPOINT = new Codec<>() {
        @Override
        public ApiEndpoint read(JsonNode node) throws Mismatch {
            ObjectNode o = Codec.object(node, "expected object");
            String host = Codec.optString(o, "host", "controlPlaneEndpoint");
            JsonNode port = o.get("port");
            long p = 0;
            if (port != null && !port.isNull()) {
                if (!port.isIntegralNumber()) {
                    throw new Mismatch("expected integer at controlPlaneEndpoint.port");
                }
                p = port.longValue();
            }
            return new ApiEndpoint(host == null ? "" : host, p);
        }

        @Override
        public JsonNode write(ApiEndpoint value) {
            ObjectNode o = Json.object();
            o.put("host", value.host());
            o.put("port", value.port());
            return o;
        }
    };

    /** v1beta2: a list of {@code {name, controlPlane, attributes}}; sorted by name on read and write. */
    static final Codec<List<FailureDomain>> FAILURE_DOMAIN_LIST = new Codec<>() {
        @Override
        public List<FailureDomain> read(JsonNode node) throws Mismatch {
            ArrayNode array = Codec.array(node, "expected list of failure domains");
            List<FailureDomain> out = new ArrayList<>();
            for (JsonNode item : array) {
                ObjectNode o = Codec.object(item, "expected list of failure domains");
                String name = Codec.optString(o, "name", "failureDomains[]");
                if (name == null) {
                    throw new Mismatch("expected name in every failure domain");
                }
                out.add(new FailureDomain(name, controlPlane(o, name), attributes(o, name)));
            }
            out.sort(Comparator.comparing(FailureDomain::name));
            return List.copyOf(out);
        }

        @Override
        public JsonNode write(List<FailureDomain> value) {
            ArrayNode array = Json.NODES.arrayNode();
            value.stream().sorted(Comparator.comparing(FailureDomain::name)).forEach(d -> {
                ObjectNode o = array.addObject();
                o.put("name", d.name());
                o.put("controlPlane", d.controlPlane());
                if (!d.attributes().isEmpty()) {
                    o.set("attributes", Codec.STRING_MAP.write(d.attributes()));
                }
            });
            return array;
        }
    };

    /** v1beta1: a map {@code name → {controlPlane, attributes}}; normalised to the sorted v1beta2 list. */
    static final Codec<List<FailureDomain>> FAILURE_DOMAIN_MAP = new Codec<>() {
        @Override
        public List<FailureDomain> read(JsonNode node) throws Mismatch {
            ObjectNode map = Codec.object(node, "expected map of failure domains");
            List<FailureDomain> out = new ArrayList<>();
            var fields = map.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                ObjectNode o = Codec.object(e.getValue(), "expected object for failure domain " + e.getKey());
                out.add(new FailureDomain(e.getKey(), controlPlane(o, e.getKey()), attributes(o, e.getKey())));
            }
            out.sort(Comparator.comparing(FailureDomain::name));
            return List.copyOf(out);
        }

        @Override
        public JsonNode write(List<FailureDomain> value) {
            ObjectNode map = Json.object();
            value.stream().sorted(Comparator.comparing(FailureDomain::name)).forEach(d -> {
                ObjectNode o = map.putObject(d.name());
                o.put("controlPlane", d.controlPlane());
                if (!d.attributes().isEmpty()) {
                    o.set("attributes", Codec.STRING_MAP.write(d.attributes()));
                }
            });
            return map;
        }
    };

    static final Codec<List<Condition>> CONDITIONS = new Codec<>() {
        @Override
        public List<Condition> read(JsonNode node) throws Mismatch {
            ArrayNode array = Codec.array(node, "expected list of conditions");
            List<Condition> out = new ArrayList<>();
            for (JsonNode item : array) {
                ObjectNode o = Codec.object(item, "expected list of conditions");
                String type = Codec.optString(o, "type", "conditions[]");
                if (type == null) {
                    throw new Mismatch("expected type in every condition");
                }
                String where = "conditions[" + type + "]";
                JsonNode generation = o.get("observedGeneration");
                if (generation != null && !generation.isNull() && !generation.isIntegralNumber()) {
                    throw new Mismatch("expected integer at " + where + ".observedGeneration");
                }
                out.add(new Condition(type, Codec.optString(o, "status", where), Codec.optString(o, "reason", where),
                        Codec.optString(o, "message", where), Codec.optString(o, "lastTransitionTime", where),
                        generation == null || generation.isNull() ? null : generation.longValue()));
            }
            return List.copyOf(out);
        }

        @Override
        public JsonNode write(List<Condition> value) {
            ArrayNode array = Json.NODES.arrayNode();
            for (Condition c : value) {
                ObjectNode o = array.addObject();
                o.put("type", c.type());
                putIfSet(o, "status", c.status());
                if (c.observedGeneration() != null) {
                    o.put("observedGeneration", c.observedGeneration());
                }
                putIfSet(o, "lastTransitionTime", c.lastTransitionTime());
                putIfSet(o, "reason", c.reason());
                putIfSet(o, "message", c.message());
            }
            return array;
        }
    };

    static final Codec<List<MachineAddress>> ADDRESSES = new Codec<>() {
        @Override
        public List<MachineAddress> read(JsonNode node) throws Mismatch {
            ArrayNode array = Codec.array(node, "expected list of addresses");
            List<MachineAddress> out = new ArrayList<>();
            for (JsonNode item : array) {
                ObjectNode o = Codec.object(item, "expected list of addresses");
                out.add(new MachineAddress(Codec.optString(o, "type", "addresses[]"),
                        Codec.optString(o, "address", "addresses[]")));
            }
            return List.copyOf(out);
        }

        @Override
        public JsonNode write(List<MachineAddress> value) {
            ArrayNode array = Json.NODES.arrayNode();
            for (MachineAddress a : value) {
                ObjectNode o = array.addObject();
                o.put("type", a.type());
                o.put("address", a.address());
            }
            return array;
        }
    };

    /** v1beta2 {@code ContractVersionedObjectReference}: apiGroup, kind, name. */
    static final Codec<ContractReference> REFERENCE = new Codec<>() {
        @Override
        public ContractReference read(JsonNode node) throws Mismatch {
            ObjectNode o = Codec.object(node, "expected object reference");
            return new ContractReference(Codec.optString(o, "apiGroup", "ref"), Codec.optString(o, "kind", "ref"),
                    Codec.optString(o, "name", "ref"));
        }

        @Override
        public JsonNode write(ContractReference value) {
            ObjectNode o = Json.object();
            o.put("apiGroup", value.apiGroup());
            o.put("kind", value.kind());
            o.put("name", value.name());
            return o;
        }
    };

    /** v1beta1 {@code ObjectReference}: the group is taken from apiVersion; writing needs a version we lack. */
    static final Codec<ContractReference> V1BETA1_REFERENCE = new Codec<>() {
        @Override
        public ContractReference read(JsonNode node) throws Mismatch {
            ObjectNode o = Codec.object(node, "expected object reference");
            String apiVersion = Codec.optString(o, "apiVersion", "ref");
            String group = apiVersion == null ? null
                    : apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            return new ContractReference(group, Codec.optString(o, "kind", "ref"), Codec.optString(o, "name", "ref"));
        }

        @Override
        public JsonNode write(ContractReference value) {
            throw new UnsupportedOperationException("v1beta1 references are read-only");
        }
    };

    /** v1beta2 {@code *Seconds} fields: an integer count of seconds. */
    static final Codec<java.time.Duration> SECONDS = new Codec<>() {
        @Override
        public java.time.Duration read(JsonNode node) throws Mismatch {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new Mismatch("expected integer seconds");
            }
            return java.time.Duration.ofSeconds(node.longValue());
        }

        @Override
        public JsonNode write(java.time.Duration value) {
            return Json.NODES.numberNode(value.toSeconds());
        }
    };

    /** v1beta1 {@code metav1.Duration} fields: a Go duration string such as {@code 5m0s}. */
    static final Codec<java.time.Duration> GO_DURATION = new Codec<>() {
        @Override
        public java.time.Duration read(JsonNode node) throws Mismatch {
            java.time.Duration d = node.isTextual() ? GoDurations.parse(node.textValue()) : null;
            if (d == null) {
                throw new Mismatch("expected duration string such as 5m0s");
            }
            return d;
        }

        @Override
        public JsonNode write(java.time.Duration value) {
            return Json.NODES.textNode(GoDurations.format(value));
        }
    };

    private static boolean controlPlane(ObjectNode domain, String name) throws Codec.Mismatch {
        JsonNode cp = domain.get("controlPlane");
        if (cp == null || cp.isNull()) {
            return false;
        }
        if (!cp.isBoolean()) {
            throw new Codec.Mismatch("expected boolean at failure domain " + name + ".controlPlane");
        }
        return cp.booleanValue();
    }

    private static Map<String, String> attributes(ObjectNode domain, String name) throws Codec.Mismatch {
        JsonNode attributes = domain.get("attributes");
        if (attributes == null || attributes.isNull()) {
            return Map.of();
        }
        return Codec.stringMap(attributes, "expected map of strings at failure domain " + name + ".attributes");
    }

    private static void putIfSet(ObjectNode o, String member, String value) {
        if (value != null) {
            o.put(member, value);
        }
    }
}
