package io.capj.controlplane.kubeadm.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.controlplane.kubeadm.v1beta2.ControlPlaneGroup;
import io.capj.apimachinery.Json;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The controller ownerReference to a KubeadmControlPlane that KCP puts on what it creates. */
final class KcpOwner {
    private KcpOwner() {
    }

    static ObjectNode of(JsonNode kcp) {
        return Json.MAPPER.valueToTree(reference(kcp));
    }

    static OwnerReference reference(JsonNode kcp) {
        return new OwnerReferenceBuilder().withApiVersion(ControlPlaneGroup.API_VERSION).withKind("KubeadmControlPlane")
                .withName(kcp.at("/metadata/name").asText()).withUid(kcp.at("/metadata/uid").asText())
                .withController(true).withBlockOwnerDeletion(true).build();
    }
}
