package io.capj.bench.profile;

import java.util.List;

/**
 * The layers a CPU sample is charged to, by the package of the first frame (from the leaf up) that
 * belongs to one; JDK utility frames ({@code java.util}, {@code java.lang}) are charged to their caller's
 * layer. Order matters: the more specific prefixes come first.
 */
enum Layer {
    TLS("sun.security.", "javax.crypto.", "com.sun.crypto.", "sun.nio.cs.", "java.security."),
    JDK_HTTP_CLIENT("jdk.internal.net.http.", "java.net.http."),
    HTTP2_SERVER("org.eclipse.jetty.http2."),
    JETTY("org.eclipse.jetty."),
    JSON("com.fasterxml.jackson."),
    SCHEMA_VALIDATION("io.capj.apimachinery.schema."),
    APIMACHINERY("io.capj.apimachinery."),
    SQLITE("org.sqlite.", "io.capj.storage.sqlite."),
    STORE("io.capj.storage."),
    APISERVER("io.capj.apiserver."),
    BENCH_CLIENT("io.capj.bench."),
    NIO("sun.nio.", "java.nio."),
    OTHER();

    private final List<String> prefixes;

    Layer(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    /** The layer of a frame's class, or null when the frame is JDK glue charged to its caller. */
    static Layer ofClass(String className) {
        for (Layer layer : values()) {
            for (String prefix : layer.prefixes) {
                if (className.startsWith(prefix)) {
                    return layer;
                }
            }
        }
        return null;
    }
}
