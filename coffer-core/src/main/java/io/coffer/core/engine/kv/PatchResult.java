package io.coffer.core.engine.kv;

import java.util.Map;

/** The outcome of {@link KvStore#patch}: a patch applies only to a live current version. */
public sealed interface PatchResult {

    /** The patch created a new version. */
    record Written(WriteResult result) implements PatchResult {
    }

    /** The key does not exist or has no version. */
    record NoKey() implements PatchResult {
    }

    /** The current version is deleted or destroyed; nothing was written. */
    record NotLive(VersionMetadata version, Map<String, String> customMetadata) implements PatchResult {
    }
}
