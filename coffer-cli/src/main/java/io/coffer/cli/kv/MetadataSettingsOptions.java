package io.coffer.cli.kv;

import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.text.GoDurations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The per-secret settings {@code kv metadata put} and {@code patch} change. Only flags actually
 * given are sent, so changing one setting never resets the others.
 */
public final class MetadataSettingsOptions {

    @Option(names = {"-max-versions", "--max-versions"}, paramLabel = "N",
            description = "Versions to keep; older ones are removed. 0 means the mount's setting.")
    Integer maxVersions;

    @Option(names = {"-cas-required", "--cas-required"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Require check-and-set (-cas) on every write to this secret.")
    Boolean casRequired;

    @Option(names = {"-delete-version-after", "--delete-version-after"}, paramLabel = "DURATION",
            description = "Delete each version this long after it is written, e.g. 3h25m19s. 0s: never.")
    String deleteVersionAfter;

    @Option(names = {"-custom-metadata", "--custom-metadata"}, paramLabel = "KEY=VALUE",
            description = "Descriptive key=value metadata (not secret); repeatable.")
    Map<String, String> customMetadata = new LinkedHashMap<>();

    /** The request fields for the flags given, in the API's names. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (maxVersions != null && maxVersions >= 0) {
            fields.put("max_versions", maxVersions);
        }
        if (casRequired != null) {
            fields.put("cas_required", casRequired);
        }
        if (deleteVersionAfter != null) {
            fields.put("delete_version_after", GoDurations.format(deleteAfter()));
        }
        return fields;
    }

    private Duration deleteAfter() {
        try {
            return GoDurations.parse(deleteVersionAfter);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.local("invalid value \"" + deleteVersionAfter + "\" for flag -delete-version-after: "
                    + e.getMessage());
        }
    }
}
