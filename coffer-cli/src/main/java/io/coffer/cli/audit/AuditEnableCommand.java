package io.coffer.cli.audit;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.KeyValueArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer audit enable [-path=P] TYPE [K=V...]}: turns on an audit device, e.g. {@code file file_path=...}. */
@Command(name = "enable", description = {
    "Enable an audit device, e.g. coffer audit enable file file_path=/var/log/coffer/audit.log.",
    "K=V arguments are the device's options; it is mounted at its type's name unless -path says otherwise.",
    "file options: file_path, mode, max_file_size, durability, max_record_bytes (default 65536),"
        + " free_space_warn (default 10%), hmac_accessor, log_raw, elide_list_responses (docs/audit.md)."})
public final class AuditEnableCommand extends ApiCommand {

    @Option(names = {"-description", "--description"}, paramLabel = "TEXT", defaultValue = "",
            description = "Human-friendly description of the device.")
    String description;

    @Option(names = {"-path", "--path"}, paramLabel = "PATH",
            description = "Where to mount the device. Default: the type.")
    String path;

    @Option(names = {"-local", "--local"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Mark the device local-only (not replicated).")
    boolean local;

    @Parameters(paramLabel = "TYPE [K=V...]", arity = "0..*", description = "The device type (e.g. file), then its options.")
    List<String> arguments = new ArrayList<>();

    public AuditEnableCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.isEmpty()) {
            throw CommandFailure.local("Error enabling audit device: audit type missing. Valid types include 'file'.");
        }
        String type = arguments.get(0).strip();
        String devicePath = AuditPaths.normalize(path != null && !path.isBlank() ? path : type);
        Map<String, String> options = new KeyValueArguments(runtime().stdin()).parseStrings(arguments.subList(1, arguments.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("description", description);
        body.put("options", options);
        body.put("local", local);
        try (CofferClient client = connect()) {
            attempt("Error enabling audit device", () -> client.put(AuditPaths.API_PREFIX + devicePath, body));
        }
        output.line("Success! Enabled the " + type + " audit device at: " + devicePath);
        return ExitCodes.OK;
    }
}
