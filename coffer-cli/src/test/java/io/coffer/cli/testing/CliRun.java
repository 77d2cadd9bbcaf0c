package io.coffer.cli.testing;

import io.coffer.cli.CofferCommand;
import io.coffer.cli.client.Environment;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the {@code coffer} command in-process with a chosen environment, stdin and terminal. */
public final class CliRun {

    private final Map<String, String> environment = new HashMap<>();
    private String stdin = "";
    private Terminal terminal = FakeTerminal.none();

    /** The result of one run. */
    public record Result(int exitCode, String out, String err) {
    }

    public static CliRun against(FakeVaultServer server) {
        return new CliRun().env("COFFER_ADDR", server.address());
    }

    public static CliRun withoutServer() {
        return new CliRun();
    }

    public CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public CliRun stdin(String text) {
        stdin = text;
        return this;
    }

    public CliRun terminal(Terminal value) {
        terminal = value;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliRuntime runtime = new CliRuntime(Environment.of(environment),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        int exitCode = CofferCommand.newCommandLine(runtime, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
