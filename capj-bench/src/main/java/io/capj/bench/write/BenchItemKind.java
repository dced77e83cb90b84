package io.capj.bench.write;

/**
 * The custom resource the write benchmark creates: {@code BenchItem} in {@code bench.capj.io/v1},
 * namespaced, with a status subresource and a structural schema that the server must really validate:
 * typed fields with bounds and an enum, a list of typed objects, and one
 * {@code x-kubernetes-preserve-unknown-fields} blob ({@code spec.payload}) that carries most of the bytes,
 * as CAPI's provider-specific fields do.
 */
public final class BenchItemKind {
    public static final String GROUP = "bench.capj.io";
    public static final String VERSION = "v1";
    public static final String KIND = "BenchItem";
    public static final String PLURAL = "benchitems";

    private BenchItemKind() {
    }

    /** {@code /apis/bench.capj.io/v1/namespaces/NS/benchitems}. */
    public static String collectionPath(String namespace) {
        return "/apis/" + GROUP + "/" + VERSION + "/namespaces/" + namespace + "/" + PLURAL;
    }

    /** The CustomResourceDefinition, as JSON for {@code POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions}. */
    public static String definitionJson() {
        return """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"%s.%s"},
                 "spec":{"group":"%s","scope":"Namespaced",
                  "names":{"plural":"%s","singular":"benchitem","kind":"%s","listKind":"BenchItemList"},
                  "versions":[{"name":"%s","served":true,"storage":true,
                   "subresources":{"status":{}},
                   "schema":{"openAPIV3Schema":%s}}]}}
                """.formatted(PLURAL, GROUP, GROUP, PLURAL, KIND, VERSION, SCHEMA);
    }

    private static final String SCHEMA = """
            {"type":"object",
             "properties":{
              "spec":{"type":"object","required":["image","replicas"],
               "properties":{
                "replicas":{"type":"integer","minimum":0,"maximum":1000},
                "image":{"type":"string","minLength":1,"maxLength":256},
                "tier":{"type":"string","enum":["standard","premium"]},
                "paused":{"type":"boolean"},
                "ports":{"type":"array","maxItems":16,"items":{"type":"object","required":["port"],
                  "properties":{"name":{"type":"string","maxLength":63},
                                "port":{"type":"integer","minimum":1,"maximum":65535}}}},
                "payload":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}},
              "status":{"type":"object",
               "properties":{"phase":{"type":"string"},"observedGeneration":{"type":"integer","format":"int64"}}}}}
            """;
}
