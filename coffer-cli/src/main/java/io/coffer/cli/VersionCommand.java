package io.coffer.cli;

import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coffer version}: the same as {@code coffer --version}, spelled as {@code vault version} is. */
@Command(name = "version", description = "Print the Coffer version.")
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        for (String line : new CofferVersionProvider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
