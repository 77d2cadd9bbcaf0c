package io.coffer.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret values, tokens and passwords the tests of this module sent to a server. The last test
 * of the suite ({@link ServerLogHasNoSecretsTest}) searches the whole server log for each of
 * them. Tests that write secrets register them here.
 */
final class SuiteSecrets {

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    /**
     * Embedded in secret values that tests write by the hundred ({@code bulk("x-" + i)}); finding
     * the marker in the log finds any of them, without a registry entry each.
     */
    static final String BULK_MARKER = register("bulk-secret-9d41c7");

    private SuiteSecrets() {
    }

    /** Registers {@code value} and returns it, so a test can write {@code register("...")} inline. */
    static String register(String value) {
        VALUES.add(value);
        return value;
    }

    /** A secret value for bulk writes: {@code label} with {@link #BULK_MARKER} inside. */
    static String bulk(String label) {
        return BULK_MARKER + "-" + label;
    }

    static Set<String> all() {
        return Set.copyOf(VALUES);
    }
}
