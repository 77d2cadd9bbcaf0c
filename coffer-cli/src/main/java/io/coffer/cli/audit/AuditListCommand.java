package io.coffer.cli.audit;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.output.GoValues;
import io.coffer.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer audit list}: the enabled audit devices. Like the vault CLI, a table with no devices
 * says so and exits 2, so scripts can test for "auditing is off".
 */
@Command(name = "list", description = {
    "List the enabled audit devices.",
    "Exit code 2 when there are none (table output)."})
public final class AuditListCommand extends ApiCommand {

    private static final List<String> SIMPLE_HEADER = List.of("Path", "Type", "Description");

    private static final List<String> DETAILED_HEADER = List.of("Path", "Type", "Description", "Replication", "Options");

    @Option(names = {"-detailed", "--detailed"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Also show each device's replication and options.")
    boolean detailed;

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public AuditListCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        Map<String, Map<String, Object>> devices;
        try (CofferClient client = connect()) {
            String context = "Error listing audits";
            Secret answer = attempt(context, () -> client.get("sys/audit"))
                    .filter(listed -> listed.data() != null)
                    .orElseThrow(() -> CommandFailure.remote(context + ": data from server response is empty"));
            devices = byPath(answer.data());
        }
        if (!output.isTable()) {
            output.json(devices);
            return ExitCodes.OK;
        }
        if (devices.isEmpty()) {
            output.line("No audit devices are enabled.");
            return ExitCodes.REMOTE_ERROR;
        }
        List<List<String>> rows = devices.entrySet().stream()
                .map(e -> detailed ? detailedRow(e.getKey(), e.getValue()) : simpleRow(e.getKey(), e.getValue()))
                .toList();
        output.line(Table.withHeader(detailed ? DETAILED_HEADER : SIMPLE_HEADER, rows));
        return ExitCodes.OK;
    }

    private static List<String> simpleRow(String key, Map<String, Object> device) {
        return List.of(pathOf(key, device), text(device, "type"), text(device, "description"));
    }

    private static List<String> detailedRow(String key, Map<String, Object> device) {
        StringJoiner options = new StringJoiner(" ");
        if (device.get("options") instanceof Map<?, ?> map) {
            new TreeMap<>(map).forEach((name, value) -> options.add(name + "=" + GoValues.format(value)));
        }
        return List.of(pathOf(key, device), text(device, "type"), text(device, "description"),
                Boolean.TRUE.equals(device.get("local")) ? "local" : "replicated", options.toString());
    }

    /** The device's own {@code path} field, which the vault CLI shows; the listing key when it is missing. */
    private static String pathOf(String key, Map<String, Object> device) {
        String path = text(device, "path");
        return path.isEmpty() ? key : path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byPath(Map<String, Object> data) {
        Map<String, Map<String, Object>> devices = new TreeMap<>();
        data.forEach((path, device) -> {
            if (device instanceof Map<?, ?> map) {
                devices.put(path, (Map<String, Object>) map);
            }
        });
        return devices;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : GoValues.format(value);
    }
}
