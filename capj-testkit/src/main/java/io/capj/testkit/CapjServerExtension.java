package io.capj.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link CapjServer}: before the test class it starts an embedded server in a
 * fresh temporary data directory and keeps the {@link CapjServerHandle} in the class's extension store, so
 * JUnit closes it (server, client, directory) when the class finishes. {@code @Nested} classes share their
 * enclosing class's server.
 */
public final class CapjServerExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CapjServerExtension.class);
    private static final String HANDLE = "handle";

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(HANDLE, CapjServerHandle.class) != null) {
            return; // an enclosing class already started one
        }
        CapjServer.Store backend = settings(context.getRequiredTestClass()).store();
        try {
            store.put(HANDLE, CapjServerHandle.start(Files.createTempDirectory("capj-testkit-"), backend));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to create a data directory for the test server", e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CapjServerHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        CapjServerHandle handle = context.getStore(NAMESPACE).get(HANDLE, CapjServerHandle.class);
        if (handle == null) {
            throw new ParameterResolutionException(
                    "no capj server is running: annotate the test class with @CapjServer");
        }
        return handle;
    }

    private static CapjServer settings(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            CapjServer annotation = type.getAnnotation(CapjServer.class);
            if (annotation != null) {
                return annotation;
            }
        }
        return Defaults.class.getAnnotation(CapjServer.class);
    }

    /** Carries the annotation's defaults for classes that register the extension with {@code @ExtendWith}. */
    @CapjServer
    private static final class Defaults {
    }
}
