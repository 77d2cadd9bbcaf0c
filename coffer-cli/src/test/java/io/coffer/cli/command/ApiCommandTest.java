package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.client.ClientOverrides;
import io.coffer.cli.client.Environment;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.testing.FakeTerminal;
import io.coffer.cli.testing.FakeVaultServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The shared command plumbing, exercised through small commands made for the test. */
class ApiCommandTest {

    @Command(name = "probe")
    static final class ProbeCommand extends ApiCommand {

        @Option(names = "-fail")
        String fail;

        OutputFormat seenFormat;
        ClientOverrides seenOverrides;

        ProbeCommand(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        protected int execute(CommandOutput output) {
            seenFormat = output.format();
            seenOverrides = connection.overrides();
            if ("local".equals(fail)) {
                throw CommandFailure.local("bad input");
            }
            if ("remote".equals(fail)) {
                try (var client = connect()) {
                    attempt("Error reading sys/thing", () -> client.get("sys/thing-that-fails"));
                }
            }
            if ("unwrapped".equals(fail)) {
                try (var client = connect()) {
                    client.get("sys/thing-that-fails");
                }
            }
            output.line("ok");
            return ExitCodes.OK;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ProbeCommand probe;

    private int run(Map<String, String> env, String... args) {
        CliRuntime runtime = new CliRuntime(Environment.of(env), new ByteArrayInputStream(new byte[0]), FakeTerminal.none());
        probe = new ProbeCommand(runtime);
        CommandLine commandLine = new CommandLine(probe, new RuntimeInjectingFactory(runtime));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void formatIsReadInBothSpellingsAndFromTheEnvironment() {
        run(Map.of(), "-format=json");
        assertThat(probe.seenFormat).isEqualTo(OutputFormat.JSON);
        run(Map.of(), "--format", "json");
        assertThat(probe.seenFormat).isEqualTo(OutputFormat.JSON);
        run(Map.of("VAULT_FORMAT", "json"));
        assertThat(probe.seenFormat).isEqualTo(OutputFormat.JSON);
        run(Map.of("COFFER_FORMAT", "table", "VAULT_FORMAT", "json"));
        assertThat(probe.seenFormat).isEqualTo(OutputFormat.TABLE);
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(run(Map.of(), "-format=yaml")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Invalid output format: yaml" + System.lineSeparator());
    }

    @Test
    void connectionFlagsBecomeOverrides() {
        run(Map.of(), "-address=http://flag:1", "-ca-cert", "/ca.pem", "-tls-skip-verify", "-client-timeout=5s");
        assertThat(probe.seenOverrides).isEqualTo(new ClientOverrides("http://flag:1", "/ca.pem", true, Duration.ofSeconds(5)));
        run(Map.of(), "--tls-skip-verify=false");
        assertThat(probe.seenOverrides.skipVerify()).isFalse();
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        assertThat(run(Map.of(), "-client-timeout=soon")).isEqualTo(1);
        assertThat(err.toString()).startsWith("invalid value \"soon\" for flag -client-timeout");
    }

    @Test
    void localFailuresExitOne() {
        assertThat(run(Map.of(), "-fail=local")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("bad input" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void serverFailuresExitTwoWithContext() throws Exception {
        try (FakeVaultServer server = new FakeVaultServer()) {
            server.on("GET /v1/sys/thing-that-fails", 500, "{\"errors\":[\"boom\"]}");
            assertThat(run(Map.of("COFFER_ADDR", server.address()), "-fail=remote")).isEqualTo(2);
            assertThat(err.toString()).startsWith("Error reading sys/thing: Error making API request.").contains("* boom");
        }
    }

    @Test
    void clientFailuresWithoutContextStillExitTwo() throws Exception {
        try (FakeVaultServer server = new FakeVaultServer()) {
            server.on("GET /v1/sys/thing-that-fails", 500, "{\"errors\":[\"boom\"]}");
            assertThat(run(Map.of("COFFER_ADDR", server.address()), "-fail=unwrapped")).isEqualTo(2);
            assertThat(err.toString()).startsWith("Error making API request.");
        }
    }

    @Test
    void aMalformedAddressIsAClientError() {
        assertThat(run(Map.of("COFFER_ADDR", "not a url"), "-fail=unwrapped")).isEqualTo(2);
        assertThat(err.toString()).startsWith("invalid address");
    }

    @Test
    void successWritesToStdout() {
        assertThat(run(Map.of())).isZero();
        assertThat(out.toString()).isEqualTo("ok" + System.lineSeparator());
    }
}
