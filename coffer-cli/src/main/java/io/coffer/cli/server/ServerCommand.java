package io.coffer.cli.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code coffer server}: runs a Coffer server. Placeholder until the server module is wired in. */
@Command(name = "server", description = "Run a Coffer server.", mixinStandardHelpOptions = true)
public final class ServerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("server: not wired yet");
        return 1;
    }
}
