package io.capj.e2e.clients;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal Java Operator SDK reconciler written the way JOSDK's documentation recommends for server-side
 * apply: it copies {@code spec.message} to {@code status.observed} by applying a fresh object that carries
 * only the status, and, being a {@link Cleaner}, makes JOSDK manage a finalizer for it.
 */
@ControllerConfiguration(name = WidgetReconciler.NAME)
public class WidgetReconciler implements Reconciler<Widget>, Cleaner<Widget> {
    static final String NAME = "widget-operator";

    /** Names of the widgets whose cleanup ran. */
    final Set<String> cleanedUp = ConcurrentHashMap.newKeySet();

    @Override
    public UpdateControl<Widget> reconcile(Widget widget, Context<Widget> context) {
        Widget statusOnly = new Widget();
        statusOnly.setMetadata(new ObjectMetaBuilder()
                .withName(widget.getMetadata().getName())
                .withNamespace(widget.getMetadata().getNamespace())
                .build());
        statusOnly.setStatus(new WidgetStatus(widget.getSpec() == null ? null : widget.getSpec().getMessage()));
        return UpdateControl.patchStatus(statusOnly);
    }

    @Override
    public DeleteControl cleanup(Widget widget, Context<Widget> context) {
        cleanedUp.add(widget.getMetadata().getName());
        return DeleteControl.defaultDelete();
    }
}
