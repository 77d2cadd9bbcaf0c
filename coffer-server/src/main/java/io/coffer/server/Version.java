package io.coffer.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions this build reports. Vault clients read {@code version} from status endpoints, and some
 * gate features on it; Coffer reports the Vault API level it implements with its own version as
 * semver build metadata, which version comparisons ignore.
 */
public final class Version {

    /** Coffer's own version, from the build. */
    public static final String COFFER = load();
    /** The Vault API level implemented, plus Coffer's version as build metadata. */
    public static final String VAULT_COMPATIBLE = "1.17.0+coffer." + COFFER.replace('-', '.');
    public static final String BUILD_DATE = "";

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/coffer-server-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
