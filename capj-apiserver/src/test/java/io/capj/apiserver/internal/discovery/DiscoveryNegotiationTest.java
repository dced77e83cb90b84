package io.capj.apiserver.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryNegotiationTest {

    /** Accept headers recorded from real clients (reference Appendix A) and a few edge cases. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "kubectl 1.27-1.29 | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | AGGREGATED_V2BETA1 | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
            "kubectl 1.30-1.33 | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | AGGREGATED_V2 | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
            "client-go HEAD    | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;profile=nopeer,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json | AGGREGATED_V2 | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
            "v2beta1 first     | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList | AGGREGATED_V2 | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
            "params reordered  | application/json;as=APIGroupDiscoveryList;v=v2beta1;g=apidiscovery.k8s.io | AGGREGATED_V2BETA1 | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
            "kubectl default   | 'application/json, */*' | LEGACY | application/json",
            "fabric8 (none)    | '' | LEGACY | application/json",
            "table accept      | application/json;as=Table;v=v1;g=meta.k8s.io,application/json | LEGACY | application/json",
            "protobuf only     | application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json | LEGACY | application/json",
            "refused with q=0  | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;q=0,application/json | LEGACY | application/json",
            "wrong kind        | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupList | LEGACY | application/json",
    })
    void negotiates(String client, String accept, DiscoveryFormat expected, String contentType) {
        DiscoveryFormat format = DiscoveryNegotiation.negotiate(accept);
        assertThat(format).isEqualTo(expected);
        assertThat(format.contentType()).isEqualTo(contentType);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"AGGREGATED_V2, apidiscovery.k8s.io/v2", "AGGREGATED_V2BETA1, apidiscovery.k8s.io/v2beta1"})
    void aggregatedApiVersions(DiscoveryFormat format, String apiVersion) {
        assertThat(format.apiVersion()).isEqualTo(apiVersion);
        assertThat(format.isAggregated()).isTrue();
    }
}
