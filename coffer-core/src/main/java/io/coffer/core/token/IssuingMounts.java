package io.coffer.core.token;

import io.coffer.core.mount.MountEntry;
import java.util.Optional;

/**
 * Finds the current entry of the auth mount that issued a token, whose tuning bounds the token's
 * renewals. The auth mount table provides it; the token store cannot own that table because the
 * table's token engine needs the store.
 */
@FunctionalInterface
public interface IssuingMounts {

    /** No mount is known: renewals use the system's limits. */
    IssuingMounts NONE = uuid -> Optional.empty();

    Optional<MountEntry> byUuid(String mountUuid);
}
