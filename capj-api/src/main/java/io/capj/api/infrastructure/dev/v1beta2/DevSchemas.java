package io.capj.api.infrastructure.dev.v1beta2;

import static io.capj.api.core.v1beta2.CommonTypes.labelsAndAnnotations;
import static io.capj.api.core.v1beta2.CommonTypes.v1beta1Conditions;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.int32;
import static io.capj.api.schema.Schema.mapOf;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import com.fasterxml.jackson.databind.node.TextNode;
import io.capj.api.schema.Schema;

/**
 * Shapes shared by the Dev kinds and their templates: the DevCluster and DevMachine specs with their
 * backends, failure domains, the template resource and the common status blocks. Each method returns a
 * fresh schema.
 */
final class DevSchemas {
    private DevSchemas() {
    }

    /** A DevCluster spec: the endpoint the control plane answers on, and the backend that provides it. */
    static Schema clusterSpec() {
        Schema endpoint = object().nonEmpty()
                .property("host", string().length(1, 512))
                .property("port", int32().minimum(1).maximum(65535));
        Schema loadBalancer = object()
                .property("imageRepository", string())
                .property("imageTag", string())
                .property("customHAProxyConfigTemplateRef", object().atomicMap()
                        .property("name", string().defaultValue(TextNode.valueOf(""))));
        Schema docker = object()
                .property("failureDomains", failureDomains())
                .property("loadBalancer", loadBalancer);
        Schema backend = object()
                .property("docker", docker)
                .property("inMemory", object());
        return object()
                .property("controlPlaneEndpoint", endpoint)
                .require("backend", backend);
    }

    /** A DevMachine spec: the provider ID, and the backend that runs the machine. */
    static Schema machineSpec() {
        Schema mount = object()
                .property("containerPath", string())
                .property("hostPath", string())
                .property("readOnly", bool());
        Schema docker = object()
                .property("customImage", string())
                .property("preLoadImages", arrayOf(string()))
                .property("extraMounts", arrayOf(mount))
                .property("bootstrapTimeout", string());
        Schema inMemory = object()
                .property("vm", provisioned())
                .property("node", provisioned())
                .property("apiServer", provisioned())
                .property("etcd", provisioned());
        Schema backend = object()
                .property("docker", docker)
                .property("inMemory", inMemory);
        return object()
                .property("providerID", string().length(1, 512))
                .require("backend", backend);
    }

    /** {@code spec.template} of a template kind: optional labels and annotations, and the required spec. */
    static Schema template(Schema spec) {
        return object()
                .property("metadata", labelsAndAnnotations())
                .require("spec", spec);
    }

    /** Failure domains keyed by name, as in the core Cluster status. */
    static Schema failureDomains() {
        Schema failureDomain = object()
                .require("name", string().length(1, 256))
                .property("controlPlane", bool())
                .property("attributes", mapOf(string()));
        return arrayOf(failureDomain).items(1, 100).listMap("name");
    }

    /** {@code status.initialization}: the v1beta2 contract's provisioned flag. */
    static Schema initialization() {
        return object().nonEmpty().property("provisioned", bool());
    }

    /** {@code status.deprecated.v1beta1}: the old condition list. */
    static Schema deprecated() {
        return object().property("v1beta1", object().property("conditions", v1beta1Conditions()));
    }

    /**
     * An in-memory component (vm, node, apiServer, etcd) that becomes provisioned after a Go duration such
     * as {@code 10s}, plus up to {@code startupJitter} (a decimal string such as {@code "0.2"}) times that.
     */
    private static Schema provisioned() {
        Schema settings = object()
                .require("startupDuration", string())
                .property("startupJitter", string());
        return object().property("provisioning", settings);
    }
}
