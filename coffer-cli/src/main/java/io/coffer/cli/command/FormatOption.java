package io.coffer.cli.command;

import io.coffer.cli.client.Environment;
import io.coffer.cli.output.OutputFormat;
import picocli.CommandLine.Option;

/**
 * {@code -format=table|json}. Vault's single-dash spelling and the GNU double-dash spelling both
 * work; without the flag, {@code COFFER_FORMAT} then {@code VAULT_FORMAT} decide, then "table".
 */
public final class FormatOption {

    @Option(names = {"-format", "--format"}, paramLabel = "FORMAT",
            description = "Output format: table (default) or json. Also COFFER_FORMAT / VAULT_FORMAT.")
    String format;

    /** The chosen format; an unknown name is a usage error, reported as the vault CLI words it. */
    public OutputFormat resolve(Environment environment) {
        String name = format != null ? format : environment.first("COFFER_FORMAT", "VAULT_FORMAT").orElse("table");
        return OutputFormat.named(name).orElseThrow(() -> CommandFailure.local("Invalid output format: " + name));
    }
}
