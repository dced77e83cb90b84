package io.capj.apiserver.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.apimachinery.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestInfoTest {

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/api/v1/namespaces", new RequestInfo("", "v1", "", "namespaces", "", "", false)),
                Arguments.of("/api/v1/namespaces/ns1", new RequestInfo("", "v1", "", "namespaces", "ns1", "", false)),
                Arguments.of("/api/v1/namespaces/ns1/finalize",
                        new RequestInfo("", "v1", "", "namespaces", "ns1", "finalize", false)),
                Arguments.of("/api/v1/namespaces/ns1/status",
                        new RequestInfo("", "v1", "", "namespaces", "ns1", "status", false)),
                Arguments.of("/api/v1/namespaces/ns1/configmaps",
                        new RequestInfo("", "v1", "ns1", "configmaps", "", "", false)),
                Arguments.of("/api/v1/namespaces/ns1/configmaps/cm",
                        new RequestInfo("", "v1", "ns1", "configmaps", "cm", "", false)),
                Arguments.of("/api/v1/nodes/n1/status", new RequestInfo("", "v1", "", "nodes", "n1", "status", false)),
                Arguments.of("/apis/cluster.x-k8s.io/v1beta2/clusters",
                        new RequestInfo("cluster.x-k8s.io", "v1beta2", "", "clusters", "", "", false)),
                Arguments.of("/apis/cluster.x-k8s.io/v1beta2/namespaces/d/machinedeployments/md/scale",
                        new RequestInfo("cluster.x-k8s.io", "v1beta2", "d", "machinedeployments", "md", "scale", false)),
                Arguments.of("/apis/g.io/v1/watch/namespaces/d/widgets",
                        new RequestInfo("g.io", "v1", "d", "widgets", "", "", true)),
                Arguments.of("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/a.b.c",
                        new RequestInfo("apiextensions.k8s.io", "v1", "", "customresourcedefinitions", "a.b.c", "", false)));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void parsesResourcePaths(String path, RequestInfo expected) {
        assertThat(RequestInfo.parse(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/apis", "/apis/g.io", "/apis/g.io/v1", "/version", "/healthz", "/openapi/v3"})
    void nonResourcePathsAreNotParsed(String path) {
        assertThat(RequestInfo.parse(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/namespaces/ns1/configmaps/cm/x/y", "/apis/g.io/v1/namespaces/ns1"})
    void malformedResourcePathsAre404(String path) {
        assertThatThrownBy(() -> RequestInfo.parse(path)).isInstanceOf(StatusException.class)
                .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(404));
    }

    static Stream<Arguments> verbs() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/namespaces/d/configmaps", false, "list"),
                Arguments.of("GET", "/api/v1/namespaces/d/configmaps", true, "watch"),
                Arguments.of("GET", "/api/v1/watch/namespaces/d/configmaps", false, "watch"),
                Arguments.of("GET", "/api/v1/namespaces/d/configmaps/x", false, "get"),
                Arguments.of("POST", "/api/v1/namespaces/d/configmaps", false, "create"),
                Arguments.of("PUT", "/api/v1/namespaces/d/configmaps/x", false, "update"),
                Arguments.of("PATCH", "/api/v1/namespaces/d/configmaps/x", false, "patch"),
                Arguments.of("DELETE", "/api/v1/namespaces/d/configmaps/x", false, "delete"),
                Arguments.of("DELETE", "/api/v1/namespaces/d/configmaps", false, "deletecollection"));
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void mapsMethodsToVerbs(String method, String path, boolean watchParam, String verb) {
        assertThat(RequestInfo.parse(path).verb(method, watchParam)).isEqualTo(verb);
    }
}
