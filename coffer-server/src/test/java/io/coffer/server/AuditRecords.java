package io.coffer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.coffer.core.audit.AuditChainKey;
import io.coffer.core.audit.AuditChainVerifier;
import java.util.stream.Stream;

/** Reads audit files in tests: every line must parse as a JSON object. */
final class AuditRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditRecords() {
    }

    /** The records of {@code file} in order, chain_start records included; fails on any line that does not parse. */
    static List<JsonNode> read(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError(file.getFileName() + " line " + n + " does not parse", e);
                }
                if (node == null || !node.isObject()) {
                    throw new AssertionError(file.getFileName() + " line " + n + " is not a JSON object");
                }
                out.add(node);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the Vault records (request and response), in order. */
    static List<JsonNode> vaultRecords(Path file) {
        return read(file).stream().filter(r -> !r.path("type").asText().equals("chain_start")).toList();
    }

    /** Rotated files of {@code file} oldest first, then {@code file}. */
    static List<Path> chronological(Path file) {
        try (Stream<Path> s = Files.list(file.getParent())) {
            List<Path> all = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + "."))
                    .sorted().toList());
            all.add(file);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chain key of the audit device at {@code device}, exported through the server (root token). */
    @SuppressWarnings("unchecked")
    static AuditChainKey chainKey(Http http, String root, String device) {
        Http.Reply r = http.get("/v1/sys/audit-chain-key/" + device, root);
        if (r.status() != 200) {
            throw new AssertionError("chain key export: " + r.status());
        }
        return AuditChainKey.ofHex((String) ((Map<String, Object>) r.json().get("data")).get("key"));
    }

    /** Verifies {@code files} with {@code key}, without a stored head. */
    static AuditChainVerifier.Result verify(AuditChainKey key, List<Path> files) {
        try {
            return AuditChainVerifier.verify(files, key, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the bytes of {@code file} contain {@code needle} in UTF-8. */
    static boolean contains(Path file, String needle) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(needle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
