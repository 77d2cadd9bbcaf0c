package io.coffer.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.coffer.cli.client.JsonCodec;

/**
 * JSON laid out like Go's {@code json.MarshalIndent(v, "", "  ")}, which is what {@code vault ...
 * -format=json} prints: two-space indents, {@code "key": value}, one array element per line and
 * {@code {}} / {@code []} for empty containers.
 */
public final class JsonOutput {

    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter WRITER = JsonCodec.MAPPER.writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(TWO_SPACES)
                    .withArrayIndenter(TWO_SPACES));

    private JsonOutput() {
    }

    public static String pretty(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be rendered as JSON", e);
        }
    }
}
