package io.coffer.core.policy;

import io.coffer.core.logical.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the generic tree of a parsed policy document (from hcl4j or from JSON) into
 * {@link PathRule}s, validating every key and value with Vault's rules and vocabulary. Unknown
 * keys, unknown capabilities and ill-typed values are errors that name the path block.
 */
final class PolicyDecoder {

    /** The keys Vault accepts in a path block. */
    private static final Set<String> PATH_KEYS = Set.of("comment", "policy", "capabilities", "allowed_parameters",
            "denied_parameters", "required_parameters", "min_wrapping_ttl", "max_wrapping_ttl", "mfa_methods",
            "control_group", "subscribe_event_types");

    private PolicyDecoder() {
    }

    static Policy decode(String name, String raw, Map<String, Object> document, HclSyntax.Outline outline) {
        for (String key : document.keySet()) {
            if (!key.equals("path") && !key.equals("name")) {
                throw PolicyParseException.document("invalid top-level key \"" + PolicyParseException.clip(key)
                        + "\"; a policy holds only path blocks (and an optional name)");
            }
        }
        List<PathRule> rules = new ArrayList<>();
        Object paths = document.get("path");
        if (paths != null) {
            collect(paths, rules, outline);
        }
        return new Policy(name, raw, rules);
    }

    /** Path blocks arrive as a map of label to body, a body repeated as a list, or (JSON) a list of such maps. */
    private static void collect(Object paths, List<PathRule> rules, HclSyntax.Outline outline) {
        if (paths instanceof List<?> list) {
            for (Object item : list) {
                collect(item, rules, outline);
            }
            return;
        }
        if (!(paths instanceof Map<?, ?> byLabel)) {
            throw PolicyParseException.document("\"path\" must hold blocks such as path \"secret/*\" { capabilities = [\"read\"] }");
        }
        for (Map.Entry<?, ?> entry : byLabel.entrySet()) {
            String label = String.valueOf(entry.getKey());
            int line = outline.pathLines().getOrDefault(label, 0);
            List<?> bodies = entry.getValue() instanceof List<?> repeated ? repeated : Collections.singletonList(entry.getValue());
            for (Object body : bodies) {
                if (!(body instanceof Map<?, ?> map)) {
                    throw PolicyParseException.inPath(label, line, "must be a block such as { capabilities = [\"read\"] }");
                }
                rules.add(rule(label, line, map));
            }
        }
    }

    private static PathRule rule(String label, int line, Map<?, ?> body) {
        Block b = new Block(label, line, body);
        for (Object key : body.keySet()) {
            if (!PATH_KEYS.contains(String.valueOf(key))) {
                throw b.error("invalid key \"" + PolicyParseException.clip(String.valueOf(key)) + "\"");
            }
        }
        // Paths in policies start after the "/v1/" of the API path.
        String path = label.startsWith("/") ? label.substring(1) : label;
        if (path.contains("+*")) {
            throw b.error("invalid use of wildcards ('+*' is forbidden)");
        }
        checkTemplating(path, b);

        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : b.strings("capabilities")) {
            capabilities.add(Capability.fromWireName(name)
                    .orElseThrow(() -> b.error("invalid capability \"" + PolicyParseException.clip(name) + "\"")));
        }
        b.string("policy").ifPresent(old -> capabilities.addAll(legacyPolicy(old, b)));

        Map<String, List<Object>> allowed = b.parameters("allowed_parameters");
        Map<String, List<Object>> denied = b.parameters("denied_parameters");
        List<String> required = b.strings("required_parameters");
        long minTtl = b.seconds("min_wrapping_ttl");
        long maxTtl = b.seconds("max_wrapping_ttl");
        if (minTtl != 0 && maxTtl != 0 && maxTtl < minTtl) {
            throw b.error("max_wrapping_ttl cannot be less than min_wrapping_ttl");
        }
        // Accepted as in Vault (whose open-source edition does not enforce them either).
        b.string("comment");
        b.strings("mfa_methods");
        b.strings("subscribe_event_types");
        b.map("control_group");

        if (capabilities.contains(Capability.DENY)) {
            // Vault keeps nothing else of a denying block.
            return new PathRule(path, EnumSet.of(Capability.DENY), Map.of(), Map.of(), List.of(), 0, 0);
        }
        return new PathRule(path, capabilities, allowed, denied, required, minTtl, maxTtl);
    }

    /** The pre-capabilities {@code policy = "read"} syntax, mapped as Vault maps it. */
    private static Set<Capability> legacyPolicy(String policy, Block b) {
        return switch (policy) {
            case "deny" -> EnumSet.of(Capability.DENY);
            case "read" -> EnumSet.of(Capability.READ, Capability.LIST);
            case "write" -> EnumSet.of(Capability.CREATE, Capability.READ, Capability.UPDATE, Capability.DELETE, Capability.LIST);
            case "sudo" -> EnumSet.of(Capability.CREATE, Capability.READ, Capability.UPDATE, Capability.DELETE, Capability.LIST,
                    Capability.SUDO);
            default -> throw b.error("invalid policy \"" + PolicyParseException.clip(policy) + "\"");
        };
    }

    /** Identity templates ({@code {{identity.entity.id}}}) must at least be well formed. */
    private static void checkTemplating(String path, Block b) {
        int at = path.indexOf("{{");
        while (at >= 0) {
            int end = path.indexOf("}}", at + 2);
            if (end < 0 || !path.substring(at + 2, end).strip().startsWith("identity.")) {
                throw b.error("invalid policy templating: only {{identity.*}} parameters exist");
            }
            at = path.indexOf("{{", end + 2);
        }
    }

    /** Typed access to the keys of one path block; errors name the block. */
    private record Block(String label, int line, Map<?, ?> body) {

        PolicyParseException error(String message) {
            return PolicyParseException.inPath(label, line, message);
        }

        Optional<String> string(String key) {
            Object v = body.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (!(v instanceof String s)) {
                throw error(key + " must be a string");
            }
            return Optional.of(s);
        }

        List<String> strings(String key) {
            Object v = body.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw error(key + " must be a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw error(key + " must be a list of strings");
                }
                out.add(s);
            }
            return out;
        }

        Map<?, ?> map(String key) {
            Object v = body.get(key);
            if (v == null) {
                return Map.of();
            }
            if (v instanceof List<?>) {
                // A repeated block: merging restrictions silently could drop some of them.
                throw error(key + " is given more than once");
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw error(key + " must be an object");
            }
            return m;
        }

        /** {@code name = [values]} pairs; names are lower-cased as Vault does, values kept as parsed. */
        Map<String, List<Object>> parameters(String key) {
            Map<String, List<Object>> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map(key).entrySet()) {
                if (!(e.getValue() instanceof List<?> values)) {
                    throw error(key + "." + PolicyParseException.clip(String.valueOf(e.getKey()))
                            + " must be a list of values (an empty list means any value)");
                }
                out.put(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT), new ArrayList<>(values));
            }
            return out;
        }

        /** A duration: a number of seconds or a string such as {@code "90s"}. */
        long seconds(String key) {
            Object v = body.get(key);
            if (v == null) {
                return 0;
            }
            try {
                if (v instanceof Number n) {
                    BigDecimal d = new BigDecimal(n.toString());
                    if (d.signum() < 0) {
                        throw error(key + " must not be negative");
                    }
                    return d.setScale(0, RoundingMode.DOWN).longValueExact();
                }
                if (v instanceof String s) {
                    return Durations.parseSeconds(s);
                }
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw error(key + " is not a valid duration");
            }
            throw error(key + " must be a duration such as \"90s\" or a number of seconds");
        }
    }
}
