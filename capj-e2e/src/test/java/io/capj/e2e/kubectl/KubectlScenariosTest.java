package io.capj.e2e.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User stories told with kubectl against a real {@code bin/capj serve}, once with the newest and once with
 * the oldest kubectl on the machine. One plane serves all scenarios of a kubectl version; every scenario
 * works in its own namespace. The CRD scenario runs early so that it really applies a fresh CRD, and the
 * restart scenario runs last because it restarts the shared plane.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("kubectlVersions")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlScenariosTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static Testbed testbed;

    @Parameter
    KubectlBinary binary;

    private Kubectl kubectl;
    private Widgets widgets;

    static List<KubectlBinary> kubectlVersions() {
        return KubectlBinaries.newestAndOldest();
    }

    @BeforeParameterizedClassInvocation
    static void startPlane(KubectlBinary binary) {
        testbed = Testbed.start(binary);
    }

    @AfterParameterizedClassInvocation
    static void stopPlane() {
        if (testbed != null) {
            testbed.close();
            testbed = null;
        }
    }

    @BeforeEach
    void useTestbed() {
        kubectl = testbed.kubectl();
        widgets = new Widgets(kubectl, testbed.fixtures());
    }

    @Test
    @Order(1)
    void apiResourcesPublishBuiltInShortNames() {
        PrintedTable resources = PrintedTable.parse(kubectl.run("api-resources").requireSuccess().stdout());

        assertThat(resources.row("NAME", "namespaces")).get().satisfies(row -> assertThat(row)
                .containsEntry("SHORTNAMES", "ns").containsEntry("APIVERSION", "v1")
                .containsEntry("NAMESPACED", "false").containsEntry("KIND", "Namespace"));
        assertThat(resources.row("NAME", "configmaps")).get().satisfies(row -> assertThat(row)
                .containsEntry("SHORTNAMES", "cm").containsEntry("NAMESPACED", "true"));
        assertThat(resources.row("NAME", "customresourcedefinitions")).get().satisfies(row -> assertThat(row)
                .containsEntry("SHORTNAMES", "crd,crds").containsEntry("APIVERSION", "apiextensions.k8s.io/v1")
                .containsEntry("NAMESPACED", "false").containsEntry("KIND", "CustomResourceDefinition"));
    }

    @Test
    @Order(2)
    void widgetIsAcceptedRightAfterItsCrdIsApplied() {
        String ns = testbed.newNamespace("establish");

        assertThat(testbed.applyWidgetCrd().requireSuccess().stdout())
                .contains("customresourcedefinition.apiextensions.k8s.io/widgets.example.capj.io created");
        assertThat(widgets.apply(ns, "first", "blue", 1).requireSuccess().stdout())
                .contains("widget.example.capj.io/first created");

        PrintedTable resources = PrintedTable.parse(
                kubectl.run("api-resources", "-o", "wide").requireSuccess().stdout());
        assertThat(resources.row("NAME", "widgets")).get().satisfies(row -> assertThat(row)
                .containsEntry("SHORTNAMES", "wd").containsEntry("APIVERSION", "example.capj.io/v1")
                .containsEntry("NAMESPACED", "true").containsEntry("KIND", "Widget")
                .containsEntry("CATEGORIES", "all-widgets"));
        assertThat(kubectl.run("get", "all-widgets", "-n", ns, "-o", "name").requireSuccess().value())
                .isEqualTo("widget.example.capj.io/first");
    }

    @Test
    void printerColumnsShowSpecValuesAndTheWideOnlyColumn() {
        String ns = widgetNamespace("columns");
        widgets.apply(ns, "w1", "green", 2).requireSuccess();
        widgets.statusPatch(ns, "w1", "{\"status\":{\"phase\":\"Ready\"}}").requireSuccess();

        PrintedTable table = PrintedTable.parse(kubectl.run("get", "wd", "-n", ns).requireSuccess().stdout());
        PrintedTable wide = PrintedTable.parse(
                kubectl.run("get", "wd", "-n", ns, "-o", "wide").requireSuccess().stdout());

        assertThat(table.headers()).containsExactly("NAME", "COLOR", "REPLICAS", "AGE");
        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("NAME", "w1").containsEntry("COLOR", "green").containsEntry("REPLICAS", "2")
                .hasEntrySatisfying("AGE", age -> assertThat(age).matches("\\d+s|\\d+m\\d*s?")));
        assertThat(wide.headers()).containsExactly("NAME", "COLOR", "REPLICAS", "PHASE", "AGE");
        assertThat(wide.row("NAME", "w1")).get().satisfies(row -> assertThat(row).containsEntry("PHASE", "Ready"));
    }

    @Test
    void watchSeesALaterPatch() {
        String ns = widgetNamespace("watch");
        widgets.apply(ns, "watched", "blue", 1).requireSuccess();

        try (KubectlStream watch = kubectl.stream("get", "wd", "-n", ns, "-w")) {
            watch.awaitLine(line -> cellsStartWith(line, "watched", "blue"), EVENTUALLY, "the initial row is printed");
            widgets.mergePatch(ns, "watched", "{\"spec\":{\"color\":\"green\"}}").requireSuccess();

            watch.awaitLine(line -> cellsStartWith(line, "watched", "green"), EVENTUALLY,
                    "the watch prints the patched widget");
        }
    }

    @Test
    void mergeAndJsonPatchesChangeTheWidget() {
        String ns = widgetNamespace("patch");
        widgets.apply(ns, "patched", "blue", 1).requireSuccess();

        KubectlResult merged = widgets.mergePatch(ns, "patched", "{\"spec\":{\"color\":\"red\",\"replicas\":2}}");
        assertThat(merged.requireSuccess().stdout())
                .contains("widget.example.capj.io/patched patched");
        assertThat(widgets.field(ns, "patched", "{.spec.color}/{.spec.replicas}")).isEqualTo("red/2");

        widgets.jsonPatch(ns, "patched", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]")
                .requireSuccess();
        assertThat(widgets.field(ns, "patched", "{.spec.color}/{.spec.replicas}")).isEqualTo("red/3");

        KubectlResult failedTest = widgets.jsonPatch(ns, "patched",
                "[{\"op\":\"test\",\"path\":\"/spec/color\",\"value\":\"green\"},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]").requireFailure();
        assertThat(failedTest.stderr()).contains("the server rejected our request due to an error in our request");
        assertThat(widgets.field(ns, "patched", "{.spec.replicas}")).isEqualTo("3");
    }

    @Test
    void strategicMergePatchIsUnsupportedForCustomResources() {
        String ns = widgetNamespace("smp");
        widgets.apply(ns, "plain", "blue", 1).requireSuccess();

        KubectlResult result = kubectl.run("patch", "wd", "plain", "-n", ns, "-p", "{\"spec\":{\"color\":\"red\"}}")
                .requireFailure();

        assertThat(result.stderr()).contains("application/strategic-merge-patch+json is not supported");
        assertThat(widgets.field(ns, "plain", "{.spec.color}")).isEqualTo("blue");
    }

    @Test
    void serverSideApplyConflictsNameTheFieldAndOwnerUntilForced() {
        String ns = widgetNamespace("ssa");
        String blue = widgets.manifest(ns, "shared", "blue", 1);
        String green = widgets.manifest(ns, "shared", "green", 1);
        assertThat(kubectl.run("apply", "--server-side", "--field-manager=alpha", "-f", blue).requireSuccess().stdout())
                .contains("widget.example.capj.io/shared serverside-applied");

        KubectlResult conflict = kubectl.run("apply", "--server-side", "--field-manager=beta", "-f", green)
                .requireFailure();
        assertThat(conflict.stderr())
                .contains("Apply failed with 1 conflict", "conflict with \"alpha\"", ".spec.color");
        assertThat(widgets.field(ns, "shared", "{.spec.color}")).isEqualTo("blue");

        kubectl.run("apply", "--server-side", "--field-manager=beta", "--force-conflicts", "-f", green)
                .requireSuccess();
        assertThat(widgets.field(ns, "shared", "{.spec.color}")).isEqualTo("green");
        JsonNode managedFields = widgets.json(ns, "shared", "--show-managed-fields").at("/metadata/managedFields");
        assertThat(specFieldsOwnedBy(managedFields, "beta")).contains("f:color");
        assertThat(specFieldsOwnedBy(managedFields, "alpha")).doesNotContain("f:color").contains("f:size");
    }

    @Test
    void deleteWaitsForFinalizersToBeRemoved() {
        String ns = widgetNamespace("finalizer");
        apply("widget-with-finalizer.yaml", Map.of("namespace", ns, "name", "held")).requireSuccess();

        assertThat(kubectl.run("delete", "wd", "held", "-n", ns, "--wait=false").requireSuccess().stdout())
                .contains("widget.example.capj.io \"held\" deleted");
        assertThat(widgets.field(ns, "held", "{.metadata.deletionTimestamp}"))
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(widgets.field(ns, "held", "{.metadata.finalizers[0]}")).isEqualTo("example.capj.io/hold");

        widgets.jsonPatch(ns, "held", "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]").requireSuccess();

        assertThat(widgets.exists(ns, "held")).as("widget exists after its last finalizer was removed").isFalse();
    }

    @Test
    void deletingAnOwnerDeletesItsDependents() {
        String ns = widgetNamespace("gc");
        apply("configmap.yaml", Map.of("namespace", ns, "name", "owner")).requireSuccess();
        String ownerUid = kubectl.run("get", "cm", "owner", "-n", ns, "-o", "jsonpath={.metadata.uid}")
                .requireSuccess().value();
        apply("widget-owned.yaml", Map.of("namespace", ns, "name", "dependent", "owner", "owner",
                "ownerUid", ownerUid)).requireSuccess();
        assertThat(widgets.field(ns, "dependent", "{.metadata.ownerReferences[0].uid}")).isEqualTo(ownerUid);

        kubectl.run("delete", "cm", "owner", "-n", ns).requireSuccess();

        Await.until(EVENTUALLY, () -> !widgets.exists(ns, "dependent"),
                "the garbage collector deletes the widget owned by the deleted ConfigMap");
    }

    @Test
    void statusAndSpecAreWrittenThroughSeparateEndpoints() {
        String ns = widgetNamespace("status");
        widgets.apply(ns, "split", "blue", 1).requireSuccess();
        long generation = Long.parseLong(widgets.field(ns, "split", "{.metadata.generation}"));

        widgets.statusPatch(ns, "split", "{\"status\":{\"phase\":\"Ready\"},\"spec\":{\"color\":\"red\"}}")
                .requireSuccess();
        JsonNode afterStatusWrite = widgets.json(ns, "split");
        assertThat(afterStatusWrite.at("/status/phase").asText()).isEqualTo("Ready");
        assertThat(afterStatusWrite.at("/spec/color").asText()).as("spec after a status write").isEqualTo("blue");
        assertThat(afterStatusWrite.at("/metadata/generation").asLong()).isEqualTo(generation);

        widgets.mergePatch(ns, "split", "{\"spec\":{\"color\":\"green\"},\"status\":{\"phase\":\"Broken\"}}")
                .requireSuccess();
        JsonNode afterSpecWrite = widgets.json(ns, "split");
        assertThat(afterSpecWrite.at("/spec/color").asText()).isEqualTo("green");
        assertThat(afterSpecWrite.at("/status/phase").asText()).as("status after a spec write").isEqualTo("Ready");
        assertThat(afterSpecWrite.at("/metadata/generation").asLong()).isGreaterThan(generation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidWidgets")
    void schemaViolationsAreRejectedNamingTheField(InvalidWidget invalid) {
        String ns = widgetNamespace("invalid");

        KubectlResult result = apply(invalid.fixture(), invalid.values(ns)).requireFailure();

        assertThat(result.stderr()).contains("is invalid", invalid.field(), invalid.reason());
        assertThat(widgets.exists(ns, "bad")).as("the rejected widget exists").isFalse();
    }

    static Stream<InvalidWidget> invalidWidgets() {
        return Stream.of(
                new InvalidWidget("replicas above the maximum", "widget.yaml", "blue", "1m", "1000",
                        "spec.replicas", "should be less than or equal to 100"),
                new InvalidWidget("color outside the enum", "widget.yaml", "purple", "1m", "1",
                        "spec.color", "Unsupported value: \"purple\""),
                new InvalidWidget("size not matching the pattern", "widget.yaml", "blue", "big", "1",
                        "spec.size", "should match"),
                new InvalidWidget("required size missing", "widget-without-size.yaml", "blue", "", "1",
                        "spec.size", "Required value"),
                new InvalidWidget("CEL rule broken", "widget.yaml", "red", "1m", "5",
                        "spec", "red widgets are limited to 3 replicas"));
    }

    @Test
    void unknownFieldsAreRejectedUnderStrictFieldValidation() {
        String ns = widgetNamespace("strict");
        Map<String, String> values = Map.of("namespace", ns, "name", "bogus");

        KubectlResult applied = apply("widget-unknown-field.yaml", values).requireFailure();
        KubectlResult created = kubectl.run("create", "-f",
                testbed.fixtures().render("widget-unknown-field.yaml", values)).requireFailure();

        assertThat(applied.stderr()).contains("unknown field \"spec.bogus\"");
        assertThat(created.stderr()).contains("unknown field \"spec.bogus\"");
        assertThat(widgets.exists(ns, "bogus")).as("the rejected widget exists").isFalse();
    }

    @Test
    void scaleGoesThroughTheScaleSubresource() {
        String ns = widgetNamespace("scale");
        widgets.apply(ns, "scaled", "blue", 1).requireSuccess();

        assertThat(kubectl.run("scale", "wd", "scaled", "-n", ns, "--replicas=5").requireSuccess().stdout())
                .contains("widget.example.capj.io/scaled scaled");

        assertThat(widgets.field(ns, "scaled", "{.spec.replicas}")).isEqualTo("5");
        JsonNode scale = Widgets.parse(kubectl.run("get", "--raw",
                "/apis/example.capj.io/v1/namespaces/" + ns + "/widgets/scaled/scale"));
        assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(5);
    }

    @Test
    void namespacesAreListedWithTheirPhase() {
        String ns = testbed.newNamespace("listed");

        PrintedTable table = PrintedTable.parse(kubectl.run("get", "ns").requireSuccess().stdout());

        assertThat(table.headers()).containsExactly("NAME", "STATUS", "AGE");
        assertThat(table.row("NAME", "default")).get()
                .satisfies(row -> assertThat(row).containsEntry("STATUS", "Active"));
        assertThat(table.row("NAME", ns)).get()
                .satisfies(row -> assertThat(row).containsEntry("STATUS", "Active"));
    }

    @Test
    void imperativeCreateOfNamespaceAndConfigMap() {
        String ns = "imperative-" + binary.minor();

        KubectlResult namespace = kubectl.run("create", "namespace", ns);
        assertThat(namespace.requireSuccess().stdout()).contains("namespace/" + ns + " created");

        KubectlResult configMap = kubectl.run("create", "configmap", "settings", "-n", ns, "--from-literal=mode=fast");
        assertThat(configMap.requireSuccess().stdout()).contains("configmap/settings created");
        assertThat(kubectl.run("get", "cm", "settings", "-n", ns, "-o", "jsonpath={.data.mode}")
                .requireSuccess().value()).isEqualTo("fast");
    }

    @Test
    void authCanIAnswersForTheAdmin() {
        assertThat(kubectl.run("auth", "can-i", "delete", "namespaces").requireSuccess().stdout().strip())
                .isEqualTo("yes");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void restartKeepsEveryObjectAndRevisionsKeepGrowing() {
        String ns = widgetNamespace("restart");
        widgets.apply(ns, "survivor", "blue", 1).requireSuccess();
        apply("configmap.yaml", Map.of("namespace", ns, "name", "survivor")).requireSuccess();
        Map<String, String> before = inventory();
        long newestBefore = before.values().stream().mapToLong(KubectlScenariosTest::revisionOf).max().orElseThrow();

        int exitCode = testbed.restartPlane();

        Map<String, String> after = inventory();
        widgets.mergePatch(ns, "survivor", "{\"spec\":{\"color\":\"green\"}}").requireSuccess();
        long written = Long.parseLong(widgets.field(ns, "survivor", "{.metadata.resourceVersion}"));
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(exitCode).as("exit code of capj serve after SIGTERM").isZero();
            softly.assertThat(after).as("kind/namespace/name -> uid@resourceVersion after the restart")
                    .containsExactlyInAnyOrderEntriesOf(before);
            softly.assertThat(written).as("resourceVersion of the first write after the restart")
                    .isGreaterThan(newestBefore);
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** A new namespace for a scenario that needs the Widget CRD. */
    private String widgetNamespace(String purpose) {
        testbed.ensureWidgetCrd();
        return testbed.newNamespace(purpose);
    }

    private KubectlResult apply(String fixture, Map<String, String> values) {
        return kubectl.run("apply", "-f", testbed.fixtures().render(fixture, values));
    }

    /** Every widget, ConfigMap, namespace and CRD as {@code kind/namespace/name -> uid@resourceVersion}. */
    private Map<String, String> inventory() {
        Map<String, String> objects = new TreeMap<>();
        for (JsonNode item : Widgets.parse(kubectl.run("get", "wd,cm,ns,crd", "-A", "-o", "json")).path("items")) {
            JsonNode metadata = item.path("metadata");
            objects.put(item.path("kind").asText() + "/" + metadata.path("namespace").asText() + "/"
                            + metadata.path("name").asText(),
                    metadata.path("uid").asText() + "@" + metadata.path("resourceVersion").asText());
        }
        assertThat(objects).as("objects listed by kubectl get wd,cm,ns,crd -A").isNotEmpty();
        return objects;
    }

    private static long revisionOf(String uidAtRevision) {
        return Long.parseLong(uidAtRevision.substring(uidAtRevision.indexOf('@') + 1));
    }

    /** The {@code f:spec} field keys recorded in {@code manager}'s managedFields entries. */
    private static List<String> specFieldsOwnedBy(JsonNode managedFields, String manager) {
        List<String> owned = new ArrayList<>();
        for (JsonNode entry : managedFields) {
            if (manager.equals(entry.path("manager").asText())) {
                entry.path("fieldsV1").path("f:spec").fieldNames().forEachRemaining(owned::add);
            }
        }
        return owned;
    }

    /** Whether a table line printed by {@code kubectl get} starts with these cells. */
    private static boolean cellsStartWith(String line, String... cells) {
        List<String> printed = Arrays.asList(line.strip().split("\\s+"));
        return printed.size() >= cells.length && printed.subList(0, cells.length).equals(List.of(cells));
    }

    /** A widget manifest that the schema must reject, and what the rejection must say. */
    record InvalidWidget(String description, String fixture, String color, String size, String replicas,
                         String field, String reason) {

        Map<String, String> values(String namespace) {
            return Map.of("namespace", namespace, "name", "bad", "color", color, "size", size, "replicas", replicas);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
