package io.capj.api.core.v1beta2;

import static io.capj.api.schema.Schema.anyValue;
import static io.capj.api.schema.Schema.arrayOf;
import static io.capj.api.schema.Schema.bool;
import static io.capj.api.schema.Schema.mapOf;
import static io.capj.api.schema.Schema.object;
import static io.capj.api.schema.Schema.string;

import io.capj.api.schema.Schema;

/**
 * {@code ClusterClass.spec.patches}: inline JSON patches selected by template kind and class, with values
 * from variables or Go templates, or an external Runtime SDK extension that generates them.
 */
final class ClusterClassPatchesSchema {
    private ClusterClassPatchesSchema() {
    }

    static Schema patch() {
        Schema external = object()
                .property("generatePatchesExtension", extensionName())
                .property("validateTopologyExtension", extensionName())
                .property("discoverVariablesExtension", extensionName())
                .property("settings", mapOf(string()));
        return object()
                .require("name", string().length(1, 256))
                .property("description", string().length(1, 1024))
                .property("enabledIf", string().length(1, 256))
                .property("definitions", arrayOf(definition()).maxItems(100).atomicList())
                .property("external", external);
    }

    private static Schema definition() {
        Schema classNames = object().property("names", arrayOf(string().length(1, 256)).maxItems(100).atomicList());
        Schema matchResources = object().nonEmpty()
                .property("controlPlane", bool())
                .property("infrastructureCluster", bool())
                .property("machineDeploymentClass", classNames)
                .property("machinePoolClass", object()
                        .property("names", arrayOf(string().length(1, 256)).maxItems(100).atomicList()));
        Schema selector = object()
                .require("apiVersion", string().length(1, 317).pattern(NamePatterns.API_VERSION))
                .require("kind", string().length(1, 63).pattern(NamePatterns.KIND))
                .require("matchResources", matchResources);
        Schema jsonPatch = object()
                .require("op", string().oneOf("add", "replace", "remove"))
                .require("path", string().length(1, 512))
                .property("value", anyValue())
                .property("valueFrom", object()
                        .property("variable", string().length(1, 256))
                        .property("template", string().length(1, 10240)));
        return object()
                .require("selector", selector)
                .require("jsonPatches", arrayOf(jsonPatch).items(1, 100).atomicList());
    }

    private static Schema extensionName() {
        return string().length(1, 512);
    }
}
