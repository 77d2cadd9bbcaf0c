package io.coffer.core.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * What a policy path grants, by Vault's names. {@code deny} overrides everything else on the same
 * path; {@code sudo} is needed in addition to the operation's capability on root-protected paths
 * ({@link SudoPaths}). {@code subscribe} and {@code recover} are accepted so that policies written
 * for current Vault versions load, although Coffer serves no operation that needs them yet.
 */
public enum Capability {
    DENY,
    CREATE,
    READ,
    UPDATE,
    DELETE,
    LIST,
    SUDO,
    PATCH,
    SUBSCRIBE,
    RECOVER;

    /** The name used in policy documents and in {@code sys/capabilities} answers. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The capability named {@code name} exactly as Vault spells it (lower case), if any. */
    public static Optional<Capability> fromWireName(String name) {
        for (Capability c : values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
