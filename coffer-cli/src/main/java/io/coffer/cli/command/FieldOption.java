package io.coffer.cli.command;

import picocli.CommandLine.Option;

/** {@code -field=NAME}: print one field's raw value instead of the whole table. */
public final class FieldOption {

    @Option(names = {"-field", "--field"}, paramLabel = "FIELD",
            description = "Print only this field's value, raw (no trailing newline when piped).")
    String field;

    /** The requested field, or {@code null} for none. */
    public String name() {
        return field == null || field.isEmpty() ? null : field;
    }
}
