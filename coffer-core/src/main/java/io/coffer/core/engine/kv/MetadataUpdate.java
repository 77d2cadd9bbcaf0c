package io.coffer.core.engine.kv;

import java.util.Map;

/**
 * A write of a key's settings ({@code POST metadata/<key>}); {@code null} fields are left as they
 * are. A given {@code customMetadata} replaces the whole map (empty clears it).
 *
 * @param maxVersions               0 or more; 0 means the mount's setting
 * @param casRequired               whether writes must carry {@code cas}
 * @param deleteVersionAfterSeconds 0 or more; 0 clears the key's setting
 * @param customMetadata            the new custom metadata
 */
public record MetadataUpdate(Integer maxVersions, Boolean casRequired, Long deleteVersionAfterSeconds,
        Map<String, String> customMetadata) {

    public boolean isEmpty() {
        return maxVersions == null && casRequired == null && deleteVersionAfterSeconds == null && customMetadata == null;
    }
}
