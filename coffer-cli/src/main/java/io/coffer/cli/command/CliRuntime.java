package io.coffer.cli.command;

import io.coffer.cli.client.Environment;
import java.io.InputStream;

/**
 * What a command takes from the process around it, other than its output writers (those are
 * picocli's {@code setOut}/{@code setErr}). Passing it in keeps commands runnable in-process with a
 * controlled environment.
 *
 * @param environment variables such as {@code COFFER_ADDR} and {@code COFFER_TOKEN}
 * @param stdin       where {@code -} arguments read from
 * @param terminal    for hidden prompts and deciding on trailing newlines
 */
public record CliRuntime(Environment environment, InputStream stdin, Terminal terminal) {

    /** The real process: {@link System#getenv}, {@link System#in}, {@link System#console}. */
    public static CliRuntime system() {
        return new CliRuntime(Environment.system(), System.in, Terminal.system());
    }
}
