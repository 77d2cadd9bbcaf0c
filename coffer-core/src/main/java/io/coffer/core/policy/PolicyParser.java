package io.coffer.core.policy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an ACL policy document, HCL or JSON as Vault accepts both, into a {@link Policy}. A
 * document whose first non-blank character is {@code {} is JSON (Vault's rule); anything else is
 * HCL, checked strictly by {@link HclSyntax} and then parsed by hcl4j. Every problem is a
 * {@link PolicyParseException} (400) saying where it is; nothing is stored by the caller then.
 */
public final class PolicyParser {

    private PolicyParser() {
    }

    /** Parses {@code raw} as the policy named {@code name} (already normalized). */
    public static Policy parse(String name, String raw) {
        if (raw.strip().startsWith("{")) {
            return PolicyDecoder.decode(name, raw, parseJson(raw), new HclSyntax.Outline(Map.of()));
        }
        HclSyntax.Outline outline = HclSyntax.check(raw);
        return PolicyDecoder.decode(name, raw, parseHcl(raw), outline);
    }

    private static Map<String, Object> parseJson(String raw) {
        try {
            return Json.parseObject(raw.getBytes(StandardCharsets.UTF_8));
        } catch (CofferException e) {
            // Json's messages give the location and never echo the input.
            throw PolicyParseException.document("invalid JSON: " + e.getMessage().replaceFirst("^failed to parse JSON input: ", ""));
        }
    }

    private static Map<String, Object> parseHcl(String raw) {
        try {
            return new LiteralHclParser().parse(raw);
        } catch (Exception e) {
            // Reached only for input the strict check let through; hcl4j's message names the position.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root.getMessage() == null ? "unreadable HCL" : root.getMessage();
            throw PolicyParseException.document(PolicyParseException.clip(detail));
        }
    }

    /**
     * hcl4j's parser without its function library and its data lookups (one of which performs HTTP
     * requests): a policy is a literal document and must never make the server evaluate anything.
     * The strict syntax check already rejects calls, templates and data blocks; this is the
     * second line of defence.
     */
    private static final class LiteralHclParser extends HCLParser {
        LiteralHclParser() {
            functionRegistry.clear();
            dataLookupRegistry.clear();
        }
    }
}
