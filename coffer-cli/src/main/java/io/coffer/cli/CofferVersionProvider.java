package io.coffer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven wrote into {@code coffer-version.properties} at build time, so the jar reports
 * what it was built as rather than a constant someone forgot to bump.
 */
public final class CofferVersionProvider implements IVersionProvider {

    static final String RESOURCE = "/coffer-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"Coffer v" + version()};
    }

    /** The project version, or "unknown" when the resource is missing or was not filtered. */
    public static String version() {
        try (InputStream in = CofferVersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
