package io.coffer.core.engine.kv;

import java.util.Map;

/**
 * The version a write or patch created.
 *
 * @param version        the new version's metadata
 * @param customMetadata the key's custom metadata; empty when none
 */
public record WriteResult(VersionMetadata version, Map<String, String> customMetadata) {
}
