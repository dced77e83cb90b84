package io.capj.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;

/** Test objects written as compact JSON with single quotes. */
final class Trees {
    private Trees() {
    }

    static ObjectNode obj(String singleQuotedJson) {
        return (ObjectNode) Json.parse(singleQuotedJson.replace('\'', '"'));
    }

    /** A provider object of {@code kind} in {@code default} with the given spec/status members. */
    static ObjectNode provider(String kind, String name, String body) {
        String members = body.isEmpty() ? "" : ", " + body;
        return obj("{'apiVersion':'infrastructure.cluster.x-k8s.io/v1beta2','kind':'" + kind + "',"
                + "'metadata':{'namespace':'default','name':'" + name + "'}" + members + "}");
    }
}
