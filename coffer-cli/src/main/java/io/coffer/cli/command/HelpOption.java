package io.coffer.cli.command;

import picocli.CommandLine.Option;

/** {@code -h}, {@code -help} and {@code --help}, the spellings the vault CLI accepts. */
public final class HelpOption {

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
