package io.capj.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one real embedded management plane for the annotated test class (and its {@code @Nested} classes)
 * on a random port, with a private data directory, and stops it after the class. Tests receive it as a
 * {@link CapjServerHandle} parameter (constructor, lifecycle or test method).
 *
 * <pre>{@code
 * @CapjServer(store = CapjServer.Store.SQLITE)
 * class RestartTest {
 *     @Test
 *     void keepsObjects(CapjServerHandle server) {
 *         server.client().configMaps().inNamespace("default").resource(cm).create();
 *         server.restart();
 *         assertThat(server.client().configMaps().inNamespace("default").withName("x").get()).isNotNull();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CapjServerExtension.class)
public @interface CapjServer {

    /** The store backing the server; {@link Store#SQLITE} is needed for {@link CapjServerHandle#restart()}. */
    Store store() default Store.MEMORY;

    /** Store backends a test server can use. */
    enum Store {
        /** {@code memory://}: fastest, everything is lost when the server stops. */
        MEMORY,
        /** {@code sqlite://DATA_DIR/state.db}: the production default; survives restarts. */
        SQLITE
    }
}
