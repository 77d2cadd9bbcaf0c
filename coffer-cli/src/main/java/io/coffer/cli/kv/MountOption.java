package io.coffer.cli.kv;

import picocli.CommandLine.Option;

/** {@code -mount=PATH}: names the KV mount, so the path argument is relative to it. */
public final class MountOption {

    @Option(names = {"-mount", "--mount"}, paramLabel = "MOUNT",
            description = "The KV mount, e.g. secret. Then PATH is relative to it; without it PATH starts with the mount.")
    String mount;
}
