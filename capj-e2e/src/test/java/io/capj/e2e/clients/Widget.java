package io.capj.e2e.clients;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The typed view of {@code widgets.example.capj.io/v1} that the Java Operator SDK test reconciles. Public with
 * a public no-argument constructor because JOSDK instantiates it reflectively (for its server-side-apply
 * finalizer patch).
 */
@Group(WidgetCrd.GROUP)
@Version(WidgetCrd.VERSION)
@Kind(WidgetCrd.KIND)
@Plural(WidgetCrd.PLURAL)
public class Widget extends CustomResource<WidgetSpec, WidgetStatus> implements Namespaced {
}
