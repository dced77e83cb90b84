package io.capj.apiserver.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinPrintersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");
    private static final String META = "\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"2026-11-24T06:00:00Z\"}";

    private final TableConverter converter = new TableConverter();

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                   | Namespace       | NAME STATUS AGE",
            "''                   | Secret          | NAME TYPE DATA AGE",
            "''                   | ConfigMap       | NAME DATA AGE",
            "''                   | ServiceAccount  | NAME SECRETS AGE",
            "''                   | Node            | NAME STATUS ROLES AGE VERSION",
            "''                   | Event           | LAST SEEN TYPE REASON OBJECT MESSAGE",
            "events.k8s.io        | Event           | LAST SEEN TYPE REASON OBJECT MESSAGE",
            "coordination.k8s.io  | Lease           | NAME HOLDER AGE",
            "apiextensions.k8s.io | CustomResourceDefinition | NAME CREATED AT",
    })
    void defaultColumnsAsKubectlPrintsThem(String group, String kind, String header) {
        List<String> visible = new ArrayList<>();
        for (TableColumn c : converter.columns(Definitions.builtin(group, kind, "xs", true))) {
            if (c.priority() == 0) {
                visible.add(c.name().toUpperCase());
            }
        }
        assertThat(String.join(" ", visible)).isEqualTo(header);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''  | Namespace | ,\"status\":{\"phase\":\"Active\"}} | [\"x\",\"Active\",\"60m\"]",
            "''  | Secret    | ,\"type\":\"Opaque\",\"data\":{\"a\":\"YQ==\",\"b\":\"Yg==\"}} | [\"x\",\"Opaque\",2,\"60m\"]",
            "''  | ConfigMap | ,\"data\":{\"a\":\"1\"},\"binaryData\":{\"b\":\"AA==\"}} | [\"x\",2,\"60m\"]",
            "''  | ServiceAccount | } | [\"x\",0,\"60m\"]",
            "coordination.k8s.io | Lease | ,\"spec\":{\"holderIdentity\":\"capj-1\"}} | [\"x\",\"capj-1\",\"60m\"]",
            "apiextensions.k8s.io | CustomResourceDefinition | } | [\"x\",\"2026-11-24T06:00:00Z\"]",
            "apps | Deployment | } | [\"x\",\"2026-11-24T06:00:00Z\"]",
    })
    void simpleKinds(String group, String kind, String rest, String cells) {
        assertThat(cells(Definitions.builtin(group, kind, "xs", true), "{" + META + rest)).isEqualTo(cells);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "ready worker | {\"labels\":{\"node-role.kubernetes.io/worker\":\"\",\"node-role.kubernetes.io/control-plane\":\"\"}},\"spec\":{},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],\"nodeInfo\":{\"kubeletVersion\":\"v1.31.0\",\"osImage\":\"Debian\"},\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.0.0.1\"}]}} | [\"x\",\"Ready\",\"control-plane,worker\",\"60m\",\"v1.31.0\",\"10.0.0.1\",\"<none>\",\"Debian\",\"<unknown>\",\"<unknown>\"]",
            "cordoned       | {\"labels\":{\"kubernetes.io/role\":\"master\"}},\"spec\":{\"unschedulable\":true},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]}} | [\"x\",\"NotReady,SchedulingDisabled\",\"master\",\"60m\",\"\",\"<none>\",\"<none>\",\"<unknown>\",\"<unknown>\",\"<unknown>\"]",
            "no conditions  | {\"labels\":{}}} | [\"x\",\"Unknown\",\"<none>\",\"60m\",\"\",\"<none>\",\"<none>\",\"<unknown>\",\"<unknown>\",\"<unknown>\"]",
    })
    void nodes(String label, String rest, String cells) {
        String node = "{\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"2026-11-24T06:00:00Z\","
                + rest.substring(1);
        assertThat(cells(Definitions.builtin("", "Node", "nodes", false), node)).isEqualTo(cells);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "running     | {\"uid\":\"u\"},\"spec\":{\"nodeName\":\"n1\",\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]},\"status\":{\"phase\":\"Running\",\"podIP\":\"10.1.0.5\",\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":2,\"state\":{\"running\":{}}},{\"name\":\"b\",\"ready\":false,\"restartCount\":1,\"state\":{\"running\":{}}}]}} | [\"x\",\"1/2\",\"Running\",\"3\",\"60m\",\"10.1.0.5\",\"n1\",\"<none>\",\"<none>\"]",
            "waiting     | {\"uid\":\"u\"},\"spec\":{\"containers\":[{\"name\":\"a\"}]},\"status\":{\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"a\",\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}}}]}} | [\"x\",\"0/1\",\"CrashLoopBackOff\",\"0\",\"60m\",\"<none>\",\"<none>\",\"<none>\",\"<none>\"]",
            "terminating | {\"deletionTimestamp\":\"2026-11-24T06:59:00Z\"},\"spec\":{\"containers\":[{\"name\":\"a\"}],\"readinessGates\":[{\"conditionType\":\"g\"}]},\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"g\",\"status\":\"True\"}]}} | [\"x\",\"0/1\",\"Terminating\",\"0\",\"60m\",\"<none>\",\"<none>\",\"<none>\",\"1/1\"]",
    })
    void pods(String label, String rest, String cells) {
        String pod = "{\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"2026-11-24T06:00:00Z\","
                + rest.substring(1);
        assertThat(cells(Definitions.builtin("", "Pod", "pods", true), pod)).isEqualTo(cells);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "v1 repeated | '' | {\"metadata\":{\"name\":\"c1.abc\"},\"type\":\"Normal\",\"reason\":\"Created\",\"message\":\" made it \",\"involvedObject\":{\"kind\":\"Cluster\",\"name\":\"c1\",\"fieldPath\":\"spec\"},\"source\":{\"component\":\"capj\",\"host\":\"h1\"},\"firstTimestamp\":\"2026-11-24T06:00:00Z\",\"lastTimestamp\":\"2026-11-24T06:58:00Z\",\"count\":4} | [\"2m\",\"Normal\",\"Created\",\"cluster/c1\",\"spec\",\"capj, h1\",\"made it\",\"60m\",4,\"c1.abc\"]",
            "v1 singleton | '' | {\"metadata\":{\"name\":\"e\"},\"type\":\"Warning\",\"reason\":\"R\",\"message\":\"m\",\"involvedObject\":{\"kind\":\"Node\"},\"reportingComponent\":\"ctl\",\"eventTime\":\"2026-11-24T06:59:30.123456Z\"} | [\"29s\",\"Warning\",\"R\",\"node\",\"\",\"ctl\",\"m\",\"29s\",1,\"e\"]",
            "events api series | events.k8s.io | {\"metadata\":{\"name\":\"e\"},\"type\":\"Normal\",\"reason\":\"R\",\"note\":\"n\",\"regarding\":{\"kind\":\"Machine\",\"name\":\"m1\"},\"reportingController\":\"capj\",\"reportingInstance\":\"i1\",\"eventTime\":\"2026-11-24T06:00:00.000000Z\",\"series\":{\"count\":3,\"lastObservedTime\":\"2026-11-24T06:59:00.000000Z\"}} | [\"60s\",\"Normal\",\"R\",\"machine/m1\",\"\",\"capj, i1\",\"n\",\"60m\",3,\"e\"]",
    })
    void events(String label, String group, String event, String cells) {
        assertThat(cells(Definitions.builtin(group, "Event", "events", true), event)).isEqualTo(cells);
    }

    private String cells(ResourceDefinition def, String object) {
        JsonNode table = converter.convertObject(def, Json.parse(object), TableOptions.defaults(), NOW);
        assertThat(table.path("columnDefinitions")).hasSize(table.path("rows").get(0).path("cells").size());
        return Json.string(table.path("rows").get(0).path("cells"));
    }
}
