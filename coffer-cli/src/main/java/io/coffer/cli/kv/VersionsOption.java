package io.coffer.cli.kv;

import io.coffer.cli.command.CommandFailure;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -versions=1,2}: repeatable, comma-separated version numbers. */
public final class VersionsOption {

    @Option(names = {"-versions", "--versions"}, split = ",", paramLabel = "N",
            description = "Version numbers, comma-separated or repeated.")
    List<String> versions = new ArrayList<>();

    boolean isEmpty() {
        return versions.stream().allMatch(String::isBlank);
    }

    /**
     * The versions as numbers. Checked here rather than left to the server, so that a typo is a
     * usage error and the request carries what the API documents: a list of integers.
     */
    List<Long> numbers() {
        List<Long> numbers = new ArrayList<>();
        for (String version : versions) {
            if (version.isBlank()) {
                continue;
            }
            try {
                long number = Long.parseLong(version.strip());
                if (number < 0) {
                    throw new NumberFormatException();
                }
                numbers.add(number);
            } catch (NumberFormatException e) {
                throw CommandFailure.local("invalid version \"" + version.strip() + "\": versions are whole numbers");
            }
        }
        return numbers;
    }
}
