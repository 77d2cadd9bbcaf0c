package io.coffer.cli.auth;

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
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer auth list}: the enabled auth methods, one row per mount. */
@Command(name = "list", description = "List the enabled auth methods.")
public final class AuthListCommand extends ApiCommand {

    private static final List<String> SIMPLE_HEADER = List.of("Path", "Type", "Accessor", "Description", "Version");

    private static final List<String> DETAILED_HEADER = List.of("Path", "Plugin", "Accessor", "Default TTL", "Max TTL",
            "Token Type", "Replication", "Seal Wrap", "External Entropy Access", "Options", "Description", "UUID",
            "Version", "Running Version", "Running SHA256", "Deprecation Status");

    @Option(names = {"-detailed", "--detailed"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Show TTLs, token type, options and more for each mount (table output only).")
    boolean detailed;

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public AuthListCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        Map<String, Map<String, Object>> mounts;
        try (CofferClient client = connect()) {
            String context = "Error listing enabled authentications";
            Secret answer = attempt(context, () -> client.get("sys/auth"))
                    .filter(listed -> listed.data() != null)
                    .orElseThrow(() -> CommandFailure.remote(context + ": data from server response is empty"));
            mounts = byPath(answer.data());
        }
        if (!output.isTable()) {
            output.json(mounts);
            return ExitCodes.OK;
        }
        List<List<String>> rows = mounts.entrySet().stream()
                .map(e -> detailed ? detailedRow(e.getKey(), e.getValue()) : simpleRow(e.getKey(), e.getValue()))
                .toList();
        String table = Table.withHeader(detailed ? DETAILED_HEADER : SIMPLE_HEADER, rows);
        if (!table.isEmpty()) {
            output.line(table);
        }
        return ExitCodes.OK;
    }

    private static List<String> simpleRow(String path, Map<String, Object> mount) {
        return List.of(path, text(mount, "type"), text(mount, "accessor"), text(mount, "description"), text(mount, "plugin_version"));
    }

    private static List<String> detailedRow(String path, Map<String, Object> mount) {
        Map<String, Object> config = Secret.objectAt(mount, "config");
        String type = text(mount, "type");
        return List.of(path, type, text(mount, "accessor"),
                ttl(type, config, "default_lease_ttl"), ttl(type, config, "max_lease_ttl"),
                text(config, "token_type"),
                Boolean.TRUE.equals(mount.get("local")) ? "local" : "replicated",
                Boolean.toString(Boolean.TRUE.equals(mount.get("seal_wrap"))),
                Boolean.toString(Boolean.TRUE.equals(mount.get("external_entropy_access"))),
                mount.get("options") instanceof Map<?, ?> options ? GoValues.format(options) : "map[]",
                text(mount, "description"), text(mount, "uuid"), text(mount, "plugin_version"),
                text(mount, "running_plugin_version"), text(mount, "running_sha256"), text(mount, "deprecation_status"));
    }

    /** A mount's TTL in seconds; 0 means "the system default", which the vault CLI spells "system". */
    private static String ttl(String type, Map<String, Object> config, String key) {
        if (type.equals("system") || type.equals("cubbyhole")) {
            return "";
        }
        long seconds = config != null && config.get(key) instanceof Number n ? n.longValue() : 0;
        return seconds == 0 ? "system" : Long.toString(seconds);
    }

    /** The mounts in the answer's data, sorted by path; entries that are not mounts are skipped. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byPath(Map<String, Object> data) {
        Map<String, Map<String, Object>> mounts = new TreeMap<>();
        data.forEach((path, mount) -> {
            if (mount instanceof Map<?, ?> map) {
                mounts.put(path, (Map<String, Object>) map);
            }
        });
        return mounts;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value == null ? "" : GoValues.format(value);
    }
}
