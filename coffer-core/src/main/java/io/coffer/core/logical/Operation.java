package io.coffer.core.logical;

/**
 * A logical operation on a path, independent of the HTTP verb that carried it. The names and the
 * meanings are Vault's: policies grant capabilities by these names.
 */
public enum Operation {
    READ,
    /** A write to a path that does not exist yet; engines that do not tell the two apart get UPDATE. */
    CREATE,
    UPDATE,
    PATCH,
    DELETE,
    LIST;

    /** Made once: every audit record and policy check asks for it. */
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    /** The lower-case name used on the wire and in policies. */
    public String wireName() {
        return wireName;
    }
}
