package io.coffer.cli.command;

import io.coffer.cli.client.Secret;
import io.coffer.cli.output.GoValues;
import io.coffer.cli.output.JsonOutput;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.output.SecretTables;
import io.coffer.cli.output.Table;
import io.coffer.cli.output.TextWrap;
import java.io.PrintWriter;
import java.util.List;

/**
 * Where a command's results go: stdout for results, stderr for errors and warnings, in the format
 * the user chose. Commands decide what to show; this class decides how it looks.
 */
public final class CommandOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final Terminal terminal;

    public CommandOutput(PrintWriter out, PrintWriter err, OutputFormat format, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.terminal = terminal;
    }

    public OutputFormat format() {
        return format;
    }

    public boolean isTable() {
        return format == OutputFormat.TABLE;
    }

    /** One line of text on stdout. */
    public void line(String text) {
        out.println(text);
    }

    /** Lines of text on stdout. */
    public void lines(List<String> texts) {
        texts.forEach(out::println);
    }

    /** A message on stderr. */
    public void error(String text) {
        err.println(text);
    }

    /**
     * The server's warnings, on stderr, in table mode only; JSON output carries them inside the
     * envelope already.
     */
    public void warnings(Secret secret) {
        if (!isTable() || secret.warnings().isEmpty()) {
            return;
        }
        err.println("WARNING! The following warnings were returned from Coffer:\n");
        for (String warning : secret.warnings()) {
            err.println(indent(TextWrap.wrap("* " + warning, TextWrap.LINE_LENGTH - 2), 2));
            err.println();
        }
    }

    /** A whole envelope: its Key/Value table, or the envelope itself as JSON. */
    public void secret(Secret secret) {
        if (isTable()) {
            warnings(secret);
            printIfAny(SecretTables.of(secret));
        } else {
            out.println(JsonOutput.pretty(secret.envelope()));
        }
    }

    /** Any value as JSON; for results that have no table form. */
    public void json(Object value) {
        out.println(JsonOutput.pretty(value));
    }

    /** Listed keys: a sorted "Keys" table, or the JSON array as received. */
    public void keys(List<String> keys) {
        if (isTable()) {
            List<List<String>> rows = keys.stream().sorted().map(List::of).toList();
            printIfAny(Table.withHeader(List.of("Keys"), rows));
        } else {
            out.println(JsonOutput.pretty(keys));
        }
    }

    /**
     * One field's value for {@code -field}: raw text in table mode, JSON otherwise. A newline
     * follows only on a terminal, so shell substitution captures exactly the value.
     */
    public void field(Object value) {
        String text = isTable() ? GoValues.format(value) : JsonOutput.pretty(value);
        out.print(text);
        if (terminal.isInteractive()) {
            out.println();
        }
    }

    /**
     * {@code -field=NAME} of a whole envelope, by {@link SecretFields}' rules: the server's warnings
     * on stderr (table mode), then the raw value.
     *
     * @throws CommandFailure with exit code 1 when the envelope has no such field
     */
    public void secretField(Secret secret, String name) {
        Object value = SecretFields.of(secret, name);
        if (value == null) {
            throw CommandFailure.local("Field \"" + name + "\" not present in secret");
        }
        warnings(secret);
        field(value);
    }

    private void printIfAny(String table) {
        if (!table.isEmpty()) {
            out.println(table);
        }
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return pad + text.replace("\n", "\n" + pad);
    }
}
