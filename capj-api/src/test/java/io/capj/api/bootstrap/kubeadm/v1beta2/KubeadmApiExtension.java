package io.capj.api.bootstrap.kubeadm.v1beta2;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link KubeadmApi}: one server with the kubeadm bootstrap CRDs for the whole test run, closed
 * by JUnit when the run ends. Tests use distinct namespaces or names, so sharing it is safe.
 */
final class KubeadmApiExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KubeadmApi.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KubeadmApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("server", key -> KubeadmApi.start(), KubeadmApi.class);
    }
}
