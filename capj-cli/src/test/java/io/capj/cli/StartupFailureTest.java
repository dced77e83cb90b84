package io.capj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StartupFailureTest {
    private static final Path DIR = Path.of("/data");
    private static final String STORE = "bogus://x";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new IOException("Failed to bind to /127.0.0.1:6443",
                                new BindException("Address already in use")),
                        "cannot listen on 127.0.0.1:6443: address already in use"),
                Arguments.of(new BindException("Permission denied"),
                        "cannot listen on 127.0.0.1:6443: permission denied"),
                Arguments.of(new IllegalStateException(new UnknownHostException("nope")),
                        "cannot listen on 127.0.0.1:6443: unknown host 127.0.0.1"),
                Arguments.of(new IllegalStateException("startup failed",
                                new AccessDeniedException("/data/pki")),
                        "cannot write data directory /data: permission denied (/data/pki)"),
                Arguments.of(new FileSystemException("/data", null, "Not a directory"),
                        "cannot use data directory /data: not a directory (/data)"),
                Arguments.of(new IllegalStateException("cannot open store",
                                new IllegalArgumentException("unknown store URL scheme: bogus://x")),
                        "invalid --store URL bogus://x: unknown store URL scheme: bogus://x"),
                Arguments.of(new IllegalArgumentException("invalid store URL 'bogus://x': unknown scheme"),
                        "invalid store URL 'bogus://x': unknown scheme"),
                Arguments.of(new IllegalArgumentException("bad host"), "bad host"),
                Arguments.of(new RuntimeException(), "java.lang.RuntimeException"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failuresBecomeOneLineNamingWhatFailed(Throwable failure, String expected) {
        assertThat(StartupFailure.describe(failure, "127.0.0.1", 6443, DIR, STORE)).isEqualTo(expected);
    }
}
