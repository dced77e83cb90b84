package io.capj.e2e.kubectl;

import java.nio.file.Path;

/**
 * One kubectl executable and the client minor version it reported ({@code 1.<minor>}).
 *
 * @param path  the executable
 * @param minor the client's minor version, e.g. 33 for kubectl 1.33
 */
record KubectlBinary(Path path, int minor) {

    /** kubectl 1.32 and newer send protobuf bodies from their typed commands ({@code create namespace}). */
    boolean sendsProtobufFromTypedCommands() {
        return minor >= 32;
    }

    String version() {
        return "1." + minor;
    }

    @Override
    public String toString() {
        return "kubectl " + version() + " (" + path + ")";
    }
}
