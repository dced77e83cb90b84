package io.capj.e2e.kubectl;

import java.nio.file.Path;

/**
 * One kubectl executable and the client minor version it reported ({@code 1.<minor>}).
 *
 * @param path  the executable
 * @param minor the client's minor version, e.g. 33 for kubectl 1.33
 */
public record KubectlBinary(Path path, int minor) {

    public String version() {
        return "1." + minor;
    }

    @Override
    public String toString() {
        return "kubectl " + version() + " (" + path + ")";
    }
}
