package io.coffer.core.engine.kv;

/**
 * A change to {@link KvConfig}; {@code null} fields are left as they are.
 *
 * @param maxVersions               0 or more
 * @param casRequired               the new flag
 * @param deleteVersionAfterSeconds negative disables delete_version_after, 0 clears it
 */
public record ConfigUpdate(Integer maxVersions, Boolean casRequired, Long deleteVersionAfterSeconds) {

    public boolean isEmpty() {
        return maxVersions == null && casRequired == null && deleteVersionAfterSeconds == null;
    }
}
