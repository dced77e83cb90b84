package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Decoding.assertDecodes;
import static io.capj.apiserver.internal.protobuf.Wire.envelope;
import static io.capj.apiserver.internal.protobuf.Wire.kubectlMeta;
import static io.capj.apiserver.internal.protobuf.Wire.message;
import static io.capj.apiserver.internal.protobuf.Wire.time;

import org.junit.jupiter.api.Test;

/** Node (spec and status) and coordination.k8s.io/v1 Lease. */
class NodeAndLeaseDecodingTest {

    private static Wire quantity(String value) {
        return message().string(1, value);
    }

    @Test
    void nodeSpecAndStatus() {
        Wire spec = message()
                .string(1, "10.0.0.0/24").string(2, "").string(3, "capj://n1").bool(4, true)
                .message(5, message().string(1, "node.kubernetes.io/unschedulable").string(2, "")
                        .string(3, "NoSchedule").message(4, time(1795000000, 0)))
                .string(7, "10.0.0.0/24");
        Wire status = message()
                .entry(1, "memory", quantity("8Gi")).entry(1, "cpu", quantity("4"))
                .entry(2, "cpu", quantity("3900m"))
                .string(3, "")
                .message(4, message().string(1, "Ready").string(2, "True").message(3, time(1795000060, 0))
                        .message(4, time(1795000000, 0)).string(5, "KubeletReady").string(6, "ok"))
                .message(5, message().string(1, "InternalIP").string(2, "10.0.0.5"))
                .message(6, message().message(1, message().varint(1, 10250)))
                .message(7, message().string(1, "m").string(2, "s").string(3, "b").string(4, "6.8")
                        .string(5, "Ubuntu").string(6, "containerd://2.0").string(7, "v1.33.1").string(8, "")
                        .string(9, "linux").string(10, "amd64"))
                .message(8, message().string(1, "registry.k8s.io/pause:3.10").varint(2, 320000))
                .message(13, message().bool(1, true));

        assertDecodes(envelope("v1", "Node", message().message(1, kubectlMeta("n1", "")).message(2, spec)
                .message(3, status)), """
                {"kind":"Node","apiVersion":"v1","metadata":{"name":"n1"},
                 "spec":{"podCIDR":"10.0.0.0/24","podCIDRs":["10.0.0.0/24"],"providerID":"capj://n1",
                   "unschedulable":true,"taints":[{"key":"node.kubernetes.io/unschedulable","effect":"NoSchedule",
                   "timeAdded":"2026-11-18T11:06:40Z"}]},
                 "status":{"capacity":{"cpu":"4","memory":"8Gi"},"allocatable":{"cpu":"3900m"},
                   "conditions":[{"type":"Ready","status":"True","lastHeartbeatTime":"2026-11-18T11:07:40Z",
                     "lastTransitionTime":"2026-11-18T11:06:40Z","reason":"KubeletReady","message":"ok"}],
                   "addresses":[{"type":"InternalIP","address":"10.0.0.5"}],
                   "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
                   "nodeInfo":{"machineID":"m","systemUUID":"s","bootID":"b","kernelVersion":"6.8","osImage":"Ubuntu",
                     "containerRuntimeVersion":"containerd://2.0","kubeletVersion":"v1.33.1","kubeProxyVersion":"",
                     "operatingSystem":"linux","architecture":"amd64"},
                   "images":[{"names":["registry.k8s.io/pause:3.10"],"sizeBytes":320000}],
                   "features":{"supplementalGroupsPolicy":true}}}
                """);
    }

    @Test
    void emptyNodeWritesTheStructsGoAlwaysWrites() {
        assertDecodes(envelope("v1", "Node", message()), """
                {"kind":"Node","apiVersion":"v1","metadata":{},"spec":{},
                 "status":{"daemonEndpoints":{"kubeletEndpoint":{"Port":0}},
                   "nodeInfo":{"machineID":"","systemUUID":"","bootID":"","kernelVersion":"","osImage":"",
                     "containerRuntimeVersion":"","kubeletVersion":"","kubeProxyVersion":"","operatingSystem":"",
                     "architecture":""}}}
                """);
    }

    @Test
    void leaseSpecPointersAreWrittenExactlyWhenSet() {
        Wire spec = message()
                .string(1, "capj-0")
                .varint(2, 15)
                .message(3, time(1795000000, 0))
                .message(4, time(1795000060, 250000999))
                .varint(5, 0);

        assertDecodes(envelope("coordination.k8s.io/v1", "Lease",
                message().message(1, kubectlMeta("capj", "kube-system")).message(2, spec)), """
                {"kind":"Lease","apiVersion":"coordination.k8s.io/v1",
                 "metadata":{"name":"capj","namespace":"kube-system"},
                 "spec":{"holderIdentity":"capj-0","leaseDurationSeconds":15,
                   "acquireTime":"2026-11-18T11:06:40.000000Z","renewTime":"2026-11-18T11:07:40.250000Z",
                   "leaseTransitions":0}}
                """);
    }
}
