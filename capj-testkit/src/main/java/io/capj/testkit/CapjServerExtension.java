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
        serverFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CapjServerHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            // a constructor or @BeforeAll parameter; with PER_CLASS the instance exists before beforeAll ran
            return serverFor(context);
        }
        CapjServerHandle handle = context.getStore(NAMESPACE).get(HANDLE, CapjServerHandle.class);
        if (handle == null) {
            throw new ParameterResolutionException(
                    "no capj server is running: annotate the test class with @CapjServer");
        }
        return handle;
    }

    /** The server of this class context or an enclosing one; started here when there is none yet. */
    private static CapjServerHandle serverFor(ExtensionContext classContext) {
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        CapjServerHandle existing = store.get(HANDLE, CapjServerHandle.class);
        if (existing != null) {
            return existing;
        }
        CapjServer.Store backend = settings(classContext.getRequiredTestClass()).store();
        try {
            CapjServerHandle started = CapjServerHandle.start(Files.createTempDirectory("capj-testkit-"), backend);
            store.put(HANDLE, started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to create a data directory for the test server", e);
        }
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
