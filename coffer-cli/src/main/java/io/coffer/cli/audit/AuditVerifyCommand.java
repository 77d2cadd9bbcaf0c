package io.coffer.cli.audit;

import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.HelpOption;
import io.coffer.core.audit.AuditChainVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer audit verify FILE [FILE...]}: checks that no line of the audit files was edited,
 * removed or reordered, by following their hash chain. Works offline on copies of the files.
 */
@Command(name = "verify", description = {
    "Verify the hash chain of audit files: report the first line that was edited, removed or reordered.",
    "Give rotated files oldest first, then the current file, e.g. audit.log.* audit.log.",
    "Exit code: 0 intact, 2 broken, 1 unreadable file or usage error."})
public final class AuditVerifyCommand implements Callable<Integer> {

    /** The chain is broken; as with {@code operator status}, 2 is the "no" answer. */
    static final int BROKEN = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audit files, oldest first.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditChainVerifier.Result result;
        try {
            result = AuditChainVerifier.verify(files);
        } catch (IOException e) {
            err.println("Error reading audit file: " + e);
            err.flush();
            return ExitCodes.LOCAL_ERROR;
        }
        if (result.failure().isPresent()) {
            AuditChainVerifier.Failure failure = result.failure().get();
            err.println("Audit chain broken at " + failure.file() + " line " + failure.line() + ": " + failure.reason());
            err.flush();
            return BROKEN;
        }
        out.println("Audit chain intact: " + result.lines() + " line(s) in " + result.files() + " file(s).");
        if (result.continuesEarlier()) {
            out.println("Note: the first file continues an earlier audit file that was not given;"
                    + " its first link was not checked.");
        }
        out.println("Not detectable from the files alone: lines cut from the end of the newest file,"
                + " or a change to its very last line.");
        out.flush();
        return ExitCodes.OK;
    }
}
