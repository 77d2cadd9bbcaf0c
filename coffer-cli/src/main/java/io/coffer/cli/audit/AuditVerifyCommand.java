package io.coffer.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.core.audit.AuditChainKey;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.audit.ChainHead;
import io.coffer.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer audit verify FILE [FILE...]}: checks that no line of the audit files was edited,
 * removed or reordered, and (given the stored head) that none was cut from the end, by following
 * their keyed chain. The key comes from a file exported with {@code sys/audit-chain-key/:path}
 * ({@code -key-file}) or straight from the server ({@code -device}, with a root token); the files
 * are read locally, so copies work.
 */
@Command(name = "verify", description = {
    "Verify the chain of audit files: report the first line that was edited, removed or reordered,",
    "and lines cut from the end (against the device's stored chain head).",
    "Give rotated files oldest first, then the current file, e.g. audit.log.* audit.log.",
    "The chain is keyed: give -key-file (exported with `coffer read -format=json sys/audit-chain-key/PATH`)",
    "or -device PATH (asks the server at -address, root token). Without either only files of the older,",
    "unkeyed format can be checked, which proves nothing against someone who could write them.",
    "Exit code: 0 intact, 2 broken, 1 unreadable file, missing key or usage error."})
public final class AuditVerifyCommand extends ApiCommand {

    /** The chain is broken; as with {@code operator status}, 2 is the "no" answer. */
    static final int BROKEN = 2;

    @Option(names = {"-key-file", "--key-file"}, paramLabel = "FILE",
            description = "The device's chain key: the JSON of sys/audit-chain-key/PATH (its stored_head is checked"
                    + " too), or 64 hex digits.")
    Path keyFile;

    @Option(names = {"-device", "--device"}, paramLabel = "PATH",
            description = "Read the chain key and stored head of the audit device at PATH from the server (root token).")
    String device;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audit files, oldest first.")
    List<Path> files;

    public AuditVerifyCommand(CliRuntime runtime) {
        super(runtime);
    }

    /** A key and, when known, the head stored when it was read. */
    private record KeyAndHead(AuditChainKey key, Optional<ChainHead> head) {
    }

    @Override
    protected int execute(CommandOutput output) {
        if (keyFile != null && device != null) {
            throw CommandFailure.local("give either -key-file or -device, not both");
        }
        Optional<KeyAndHead> key = keyFile != null ? Optional.of(fromFile(keyFile))
                : device != null ? Optional.of(fromServer(device)) : Optional.empty();
        AuditChainVerifier.Result result;
        try {
            result = key.isPresent() ? AuditChainVerifier.verify(files, key.get().key(), key.get().head())
                    : AuditChainVerifier.verify(files);
        } catch (IOException e) {
            throw CommandFailure.local("Error reading audit file: " + e);
        }
        if (result.failure().isPresent()) {
            AuditChainVerifier.Failure failure = result.failure().get();
            if (failure.needsKey()) {
                throw CommandFailure.local("Cannot verify " + failure.file() + ": " + failure.reason());
            }
            output.error("Audit chain broken at " + failure.file() + " line " + failure.line() + ": " + failure.reason());
            return BROKEN;
        }
        output.line("Audit chain intact: " + result.lines() + " line(s) in " + result.files() + " file(s).");
        if (result.continuesEarlier()) {
            output.line("Note: the first file continues an earlier audit file that was not given;"
                    + " its first link was not checked.");
        }
        if (!result.keyed()) {
            output.line("Warning: these files use the unkeyed chain of an older version: anyone who could write them"
                    + " could have removed lines and relinked the rest. This proves nothing about tampering.");
        } else if (key.get().head().isEmpty()) {
            output.line("Not checked: lines cut from the end of the newest file (no stored chain head was given).");
        } else if (result.headChecked()) {
            output.line("The files reach the device's stored chain head; lines written after it was stored are"
                    + " covered by the chain only.");
        }
        return ExitCodes.OK;
    }

    private static KeyAndHead fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw CommandFailure.local("Error reading key file " + file + ": " + e.getClass().getSimpleName());
        }
        try {
            if (!text.startsWith("{")) {
                return new KeyAndHead(AuditChainKey.ofHex(text), Optional.empty());
            }
            JsonNode json = Json.MAPPER.readTree(text);
            JsonNode data = json.has("data") && json.get("data").isObject() ? json.get("data") : json;
            return new KeyAndHead(AuditChainKey.ofHex(data.path("key").asText("")), head(data.get("stored_head")));
        } catch (IOException | IllegalArgumentException e) {
            // The message never quotes the file: it holds a key.
            throw CommandFailure.local("Key file " + file + " holds neither the JSON of sys/audit-chain-key nor 64 hex"
                    + " digits");
        }
    }

    private KeyAndHead fromServer(String path) {
        String context = "Error reading the chain key of audit device " + path;
        try (CofferClient client = connect()) {
            Secret answer = attempt(context, () -> client.get("sys/audit-chain-key/" + path))
                    .filter(s -> s.data() != null)
                    .orElseThrow(() -> CommandFailure.remote(context + ": no data in the server's response"));
            Map<String, Object> data = answer.data();
            try {
                return new KeyAndHead(AuditChainKey.ofHex(String.valueOf(data.get("key"))),
                        head(Json.MAPPER.valueToTree(data.get("stored_head"))));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.remote(context + ": the server's answer holds no chain key");
            }
        }
    }

    private static Optional<ChainHead> head(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(Json.MAPPER.convertValue(node, ChainHead.class));
    }
}
