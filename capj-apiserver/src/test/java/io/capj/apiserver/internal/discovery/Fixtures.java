package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import io.capj.apiserver.registry.ResourceDefinition.ScaleSubresource;
import java.util.List;

/** A small served API: a few core kinds, Lease, the CRD kind, and CAPI kinds in two versions. */
final class Fixtures {
    static final List<String> CRD_VERBS =
            List.of("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch");
    static final JsonNode CLUSTER_SCHEMA = Json.parse("""
            {"type":"object","description":"Cluster is the Schema for the clusters API.",
             "properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},
               "spec":{"type":"object","properties":{"paused":{"type":"boolean"},
                 "template":{"type":"object","x-kubernetes-embedded-resource":true,
                             "x-kubernetes-preserve-unknown-fields":true}}},
               "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
            """);

    private Fixtures() {
    }

    static List<ResourceDefinition> all() {
        return List.of(
                cluster("v1beta1", false),
                core("Namespace", "namespaces", false, List.of("ns"), true),
                core("ConfigMap", "configmaps", true, List.of("cm"), false),
                core("Secret", "secrets", true, List.of(), false),
                builtin("coordination.k8s.io", "Lease", "leases", true, List.of()),
                builtin("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false,
                        List.of("crd", "crds")),
                cluster("v1beta2", true),
                machineDeployment());
    }

    static ResourceDefinition core(String kind, String plural, boolean namespaced, List<String> shortNames,
                                   boolean status) {
        return new ResourceDefinition(new GroupVersionKind("", "v1", kind), plural, kind.toLowerCase(), namespaced,
                kind + "List", shortNames, List.of(), ResourceDefinition.ALL_VERBS, status, null, List.of(), null,
                true, false, null, true, List.of());
    }

    static ResourceDefinition builtin(String group, String kind, String plural, boolean namespaced,
                                      List<String> shortNames) {
        return new ResourceDefinition(new GroupVersionKind(group, "v1", kind), plural, kind.toLowerCase(), namespaced,
                kind + "List", shortNames, List.of(), ResourceDefinition.ALL_VERBS, false, null, List.of(), null,
                true, false, null, true, List.of());
    }

    static ResourceDefinition cluster(String version, boolean storage) {
        return new ResourceDefinition(new GroupVersionKind("cluster.x-k8s.io", version, "Cluster"), "clusters",
                "cluster", true, "ClusterList", List.of("cl"), List.of("cluster-api"), CRD_VERBS, true, null,
                List.of(), CLUSTER_SCHEMA, storage, !storage, null, false, List.of());
    }

    static ResourceDefinition machineDeployment() {
        return new ResourceDefinition(new GroupVersionKind("cluster.x-k8s.io", "v1beta2", "MachineDeployment"),
                "machinedeployments", "machinedeployment", true, "MachineDeploymentList", List.of("md"),
                List.of("cluster-api"), CRD_VERBS, true,
                new ScaleSubresource(".spec.replicas", ".status.replicas", ".status.selector"), List.of(), null,
                true, false, null, false, List.of());
    }
}
