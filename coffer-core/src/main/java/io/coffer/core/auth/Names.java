package io.coffer.core.auth;

/**
 * The name rule of roles and users, Vault's {@code framework.GenericNameRegex}: word characters,
 * with dots and hyphens inside. Names are case-insensitive: they are stored and shown in lower
 * case, as Vault does for AppRole roles and userpass users.
 */
public final class Names {

    /** A route pattern fragment matching one name; use it inside a named group. */
    public static final String PATTERN = "\\w(?:[\\w.-]*\\w)?";

    /** Vault hashes role names and credentials with a 4096-byte input limit; names longer are refused. */
    public static final int MAX_BYTES = 4096;

    private Names() {
    }

    /** The stored form of {@code name}. */
    public static String canonical(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
