package io.coffer.core.engine.kv;

import java.util.Map;

/**
 * The structure of one version's data with every leaf value replaced by {@code null}.
 *
 * @param version        the version's metadata
 * @param customMetadata the key's custom metadata; empty when none
 * @param subkeys        the stripped data, or {@code null} when the version is deleted or destroyed
 */
public record SubkeysRead(VersionMetadata version, Map<String, String> customMetadata, Map<String, Object> subkeys) {
}
