package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.client.JsonCodec;
import io.coffer.cli.client.Secret;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.testing.FakeTerminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandOutputTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandOutput output(OutputFormat format, Terminal terminal) {
        return new CommandOutput(new PrintWriter(out, true), new PrintWriter(err, true), format, terminal);
    }

    private static Secret secret(String json) {
        return new Secret(JsonCodec.decodeObject(json.getBytes()));
    }

    @Test
    void rawFieldHasNoNewlineWhenPiped() {
        output(OutputFormat.TABLE, FakeTerminal.none()).field("s3cr3t");
        assertThat(out).hasToString("s3cr3t");
    }

    @Test
    void rawFieldEndsTheLineOnATerminal() {
        output(OutputFormat.TABLE, FakeTerminal.typing(null)).field("s3cr3t");
        assertThat(out).hasToString("s3cr3t" + System.lineSeparator());
    }

    @Test
    void fieldInJsonModeIsJson() {
        output(OutputFormat.JSON, FakeTerminal.none()).field("s3cr3t");
        assertThat(out).hasToString("\"s3cr3t\"");
    }

    @Test
    void secretInJsonModeIsTheWholeEnvelope() {
        output(OutputFormat.JSON, FakeTerminal.none()).secret(secret("{\"request_id\":\"r\",\"data\":{\"a\":1}}"));
        assertThat(out.toString()).isEqualTo("{\n  \"request_id\": \"r\",\n  \"data\": {\n    \"a\": 1\n  }\n}" + System.lineSeparator());
    }

    @Test
    void secretInTableModeWarnsOnStderrAndTablesOnStdout() {
        output(OutputFormat.TABLE, FakeTerminal.none()).secret(secret("{\"warnings\":[\"mind this\"],\"data\":{\"a\":1}}"));
        assertThat(out.toString()).contains("a      1");
        assertThat(err.toString()).contains("WARNING! The following warnings were returned from Coffer:").contains("  * mind this");
    }

    @Test
    void keysAreSortedInTablesAndKeptAsSentInJson() {
        output(OutputFormat.TABLE, FakeTerminal.none()).keys(List.of("b", "a/"));
        assertThat(out.toString()).isEqualTo("Keys\n----\na/\nb" + System.lineSeparator());
        out.getBuffer().setLength(0);
        output(OutputFormat.JSON, FakeTerminal.none()).keys(List.of("b", "a/"));
        assertThat(out.toString()).isEqualTo("[\n  \"b\",\n  \"a/\"\n]" + System.lineSeparator());
    }
}
