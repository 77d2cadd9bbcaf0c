package io.coffer.core.engine.kv;

/** How a key's old versions are pruned when a new one is written. */
public enum Retention {
    /**
     * Vault's window: versions beyond the effective {@code max_versions} go, oldest first, with
     * whatever labels they carry. The rule for keys created through KV.
     */
    MAX_VERSIONS,
    /**
     * AWS Secrets Manager's rule: beyond {@link #STAGED_LIMIT} versions, the oldest versions that
     * carry no label and are older than a day go; labelled or younger versions are never pruned.
     * {@code max_versions} is ignored. The rule for keys created through the AWS door.
     */
    STAGED;

    /** Versions a {@link #STAGED} key keeps before pruning. */
    public static final int STAGED_LIMIT = 100;
}
