package io.coffer.core.engine.kv;

import java.util.Map;

/**
 * A partial change of a key's settings ({@code PATCH metadata/<key>}); {@code null} fields are left
 * as they are.
 *
 * @param maxVersions               0 or more
 * @param casRequired               whether writes must carry {@code cas}
 * @param deleteVersionAfterSeconds 0 or more; 0 clears the key's setting
 * @param clearCustomMetadata       remove every custom metadata pair first
 * @param customMetadataChanges     then set these pairs; a {@code null} value removes its key
 */
public record MetadataPatch(Integer maxVersions, Boolean casRequired, Long deleteVersionAfterSeconds,
        boolean clearCustomMetadata, Map<String, String> customMetadataChanges) {
}
