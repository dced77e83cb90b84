package io.capj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, from {@code version.properties} that Maven fills in at build time. */
public final class CapjVersion implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} when run outside a build. */
    public static String current() {
        try (InputStream in = CapjVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"capj " + current()};
    }
}
