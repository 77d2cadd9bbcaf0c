package io.coffer.core.policy;

import io.coffer.core.logical.Operation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The compiled access rules of a set of policies, answering "may this operation run on this
 * path?" with Vault's semantics exactly:
 * <ul>
 *   <li>an exact path rule wins over every pattern; a {@code list} also tries the path without its
 *       trailing slash;</li>
 *   <li>otherwise the highest-priority matching pattern wins, among the longest {@code *} prefix
 *       rule and every matching {@code +} segment-wildcard rule, ranked by (1) the position of the
 *       first wildcard, later wins, (2) not ending in {@code *} wins, (3) fewer {@code +} segments
 *       win, (4) longer wins, (5) lexicographically greater wins;</li>
 *   <li>the same pattern in several policies grants the union of their capabilities, unless one of
 *       them denies, in which case it denies;</li>
 *   <li>the {@code root} policy allows everything.</li>
 * </ul>
 * Positions and lengths are counted in UTF-8 bytes and strings compared bytewise, as Vault (Go)
 * does. Instances are immutable and thread-safe.
 */
public final class Acl {

    /**
     * The verdict on one request.
     *
     * @param allowed whether the operation may run (sudo not yet considered)
     * @param sudo    whether the governing rule grants {@code sudo}, needed on root-protected paths
     */
    public record Decision(boolean allowed, boolean sudo) {
    }

    private static final Decision NO_RULE = new Decision(false, false);
    private static final Acl ROOT = new Acl(true, Map.of(), Map.of(), List.of());

    private final boolean root;
    private final Map<String, Permissions> exactRules;
    private final Map<String, Permissions> prefixRules;
    private final int[] prefixLengths;
    private final List<SegmentRule> segmentRules;

    private Acl(boolean root, Map<String, Permissions> exactRules, Map<String, Permissions> prefixRules,
            List<SegmentRule> segmentRules) {
        this.root = root;
        this.exactRules = exactRules;
        this.prefixRules = prefixRules;
        this.prefixLengths = prefixRules.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
        this.segmentRules = segmentRules;
    }

    /** The ACL of the {@code root} policy: everything is allowed, with sudo. */
    public static Acl root() {
        return ROOT;
    }

    /**
     * Compiles {@code policies}. Path blocks with identity templates are skipped: Coffer has no
     * identities to fill them with, and Vault skips them too for a token without an entity.
     */
    public static Acl compile(Collection<Policy> policies) {
        Map<String, Permissions> exact = new HashMap<>();
        Map<String, Permissions> prefix = new HashMap<>();
        Map<String, Permissions> segment = new LinkedHashMap<>();
        for (Policy policy : policies) {
            if (policy.name().equals(PolicyStore.ROOT)) {
                return ROOT;
            }
            for (PathRule rule : policy.rules()) {
                if (rule.isTemplated()) {
                    continue;
                }
                String path = rule.path();
                if (rule.hasSegmentWildcard()) {
                    merge(segment, path, rule);
                } else if (rule.isPrefix()) {
                    merge(prefix, path.substring(0, path.length() - 1), rule);
                } else {
                    merge(exact, path, rule);
                }
            }
        }
        List<SegmentRule> segments = new ArrayList<>();
        segment.forEach((path, perms) -> segments.add(new SegmentRule(path, perms)));
        return new Acl(false, Map.copyOf(exact), Map.copyOf(prefix), List.copyOf(segments));
    }

    private static void merge(Map<String, Permissions> rules, String key, PathRule rule) {
        Permissions existing = rules.get(key);
        if (existing == null) {
            rules.put(key, new Permissions(rule));
        } else {
            existing.merge(rule);
        }
    }

    /**
     * Whether {@code operation} on {@code path} is allowed, ignoring request parameters. The path
     * is the request path as the ACL sees it (Vault appends a slash to {@code list} paths first,
     * see {@link AclAuthorizer}).
     */
    public boolean allows(Operation operation, String path) {
        return evaluate(operation, path, Map.of()).allowed();
    }

    /**
     * The full verdict on a request, including Vault's parameter constraints
     * ({@code required_parameters}, {@code denied_parameters}, {@code allowed_parameters}) for
     * reads and writes, checked against {@code data}.
     */
    public Decision evaluate(Operation operation, String path, Map<String, Object> data) {
        if (root) {
            return new Decision(true, true);
        }
        Permissions p = find(operation, path);
        if (p == null) {
            return NO_RULE;
        }
        boolean sudo = p.capabilities.contains(Capability.SUDO);
        if (!p.capabilities.contains(capabilityFor(operation))) {
            return new Decision(false, sudo);
        }
        if (p.minWrappingTtl > 0 || p.maxWrappingTtl > 0) {
            // The rule demands a response-wrapped request; Coffer cannot wrap, and Vault denies
            // unwrapped requests to such paths.
            return new Decision(false, sudo);
        }
        // Vault checks parameters only for operations that carry them.
        boolean carriesParameters = switch (operation) {
            case READ, CREATE, UPDATE, PATCH -> true;
            case LIST, DELETE -> false;
        };
        if (carriesParameters && !p.parametersAllowed(data)) {
            return new Decision(false, sudo);
        }
        return new Decision(true, sudo);
    }

    /**
     * What a token holding these policies may do on {@code path}, as {@code sys/capabilities}
     * answers: sorted capability names, {@code ["root"]} for the root policy, {@code ["deny"]} when
     * nothing is granted or the path is denied. Like Vault, this looks the path up as a
     * {@code list} would, so a trailing slash falls back to the rule without it.
     */
    public List<String> capabilities(String path) {
        if (root) {
            return List.of("root");
        }
        Permissions p = find(Operation.LIST, path);
        if (p == null || p.capabilities.isEmpty() || p.capabilities.contains(Capability.DENY)) {
            return List.of(Capability.DENY.wireName());
        }
        TreeSet<String> names = new TreeSet<>();
        p.capabilities.forEach(c -> names.add(c.wireName()));
        return List.copyOf(names);
    }

    /**
     * Whether any rule grants something other than {@code deny} at or below {@code mountPath}
     * (ending in {@code /}): Vault's test for the CLI's mount preflight
     * ({@code sys/internal/ui/mounts/:path}), which reveals a mount only to tokens that can reach
     * something in it.
     */
    public boolean grantsAnythingUnder(String mountPath) {
        if (root) {
            return true;
        }
        for (Map.Entry<String, Permissions> e : exactRules.entrySet()) {
            if (e.getKey().startsWith(mountPath) && e.getValue().grantsSomething()) {
                return true;
            }
        }
        for (Map.Entry<String, Permissions> e : prefixRules.entrySet()) {
            String key = e.getKey();
            if ((key.startsWith(mountPath) || mountPath.startsWith(key)) && e.getValue().grantsSomething()) {
                return true;
            }
        }
        String[] mountParts = mountPath.substring(0, mountPath.length() - 1).split("/", -1);
        for (SegmentRule rule : segmentRules) {
            if (rule.perms.grantsSomething() && rule.couldMatchBelow(mountParts)) {
                return true;
            }
        }
        return false;
    }

    private static Capability capabilityFor(Operation operation) {
        return switch (operation) {
            case READ -> Capability.READ;
            case CREATE -> Capability.CREATE;
            case UPDATE -> Capability.UPDATE;
            case PATCH -> Capability.PATCH;
            case DELETE -> Capability.DELETE;
            case LIST -> Capability.LIST;
        };
    }

    private Permissions find(Operation operation, String requestPath) {
        String path = requestPath;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        boolean list = operation == Operation.LIST;
        String withoutSlash = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Permissions p = exactRules.get(path);
        if (p == null && list) {
            p = exactRules.get(withoutSlash);
        }
        // A list path ends with a slash, and Vault tries the glob rules on the path without it first,
        // so "secret/metadata/*" governs a list of "secret/metadata/app/" even when a policy has
        // "secret/metadata/app/*". (OpenBao reversed this order; Coffer follows Vault.)
        if (p == null && list && path.endsWith("/")) {
            p = nonExact(withoutSlash);
        }
        return p != null ? p : nonExact(path);
    }

    /** The highest-priority prefix or segment-wildcard rule matching {@code path}, or null. */
    private Permissions nonExact(String path) {
        Candidate best = null;
        String longestPrefix = longestPrefix(path);
        if (longestPrefix != null) {
            Permissions perms = prefixRules.get(longestPrefix);
            if (segmentRules.isEmpty()) {
                return perms;
            }
            byte[] bytes = utf8(longestPrefix);
            best = new Candidate(bytes.length, true, 0, bytes, perms);
        }
        if (segmentRules.isEmpty()) {
            return null;
        }
        String[] parts = path.split("/", -1);
        for (SegmentRule rule : segmentRules) {
            if (rule.matches(parts)) {
                Candidate c = new Candidate(rule.firstWildcard, rule.prefix, rule.wildcards, rule.patternBytes, rule.perms);
                if (best == null || best.lowerPriorityThan(c)) {
                    best = c;
                }
            }
        }
        return best == null ? null : best.perms;
    }

    private String longestPrefix(String path) {
        for (int i = prefixLengths.length - 1; i >= 0; i--) {
            int length = prefixLengths[i];
            if (length <= path.length()) {
                String candidate = path.substring(0, length);
                if (prefixRules.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A matching pattern competing for priority; see the class comment for the order. */
    private record Candidate(int firstWildcard, boolean prefix, int wildcards, byte[] pattern, Permissions perms) {
        boolean lowerPriorityThan(Candidate other) {
            if (firstWildcard != other.firstWildcard) {
                return firstWildcard < other.firstWildcard;
            }
            if (prefix != other.prefix) {
                return prefix;
            }
            if (wildcards != other.wildcards) {
                return wildcards > other.wildcards;
            }
            if (pattern.length != other.pattern.length) {
                return pattern.length < other.pattern.length;
            }
            return Arrays.compareUnsigned(pattern, other.pattern) < 0;
        }
    }

    /** A pattern with {@code +} segments, pre-split for matching. */
    private static final class SegmentRule {
        final int firstWildcard;
        final boolean prefix;
        final String[] parts;
        final int wildcards;
        final byte[] patternBytes;
        final Permissions perms;

        SegmentRule(String fullPath, Permissions perms) {
            this.firstWildcard = utf8(fullPath.substring(0, fullPath.indexOf('+'))).length;
            this.prefix = fullPath.endsWith("*");
            String pattern = prefix ? fullPath.substring(0, fullPath.length() - 1) : fullPath;
            this.parts = pattern.split("/", -1);
            this.wildcards = (int) Arrays.stream(parts).filter("+"::equals).count();
            this.patternBytes = utf8(pattern);
            this.perms = perms;
        }

        /** Whether paths below the folder {@code folder} (its segments) can match this pattern. */
        boolean couldMatchBelow(String[] folder) {
            for (int i = 0; i < Math.min(folder.length, parts.length); i++) {
                String part = parts[i];
                boolean last = i == parts.length - 1;
                boolean ok = part.equals("+") || part.equals(folder[i]) || (prefix && last && folder[i].startsWith(part));
                if (!ok) {
                    return false;
                }
            }
            return folder.length <= parts.length || prefix;
        }

        boolean matches(String[] path) {
            if (path.length < parts.length || (!prefix && path.length != parts.length)) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean ok = part.equals("+") || part.equals(path[i])
                        || (prefix && i == parts.length - 1 && path[i].startsWith(part));
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What one pattern grants once every policy naming it has been merged in. */
    private static final class Permissions {
        boolean grantsSomething() {
            return !capabilities.isEmpty() && !capabilities.contains(Capability.DENY);
        }

        final EnumSet<Capability> capabilities;
        final Map<String, List<Object>> allowed;
        final Map<String, List<Object>> denied;
        final List<String> required;
        long minWrappingTtl;
        long maxWrappingTtl;

        Permissions(PathRule rule) {
            this.capabilities = rule.capabilities().isEmpty() ? EnumSet.noneOf(Capability.class)
                    : EnumSet.copyOf(rule.capabilities());
            this.allowed = copy(rule.allowedParameters());
            this.denied = copy(rule.deniedParameters());
            this.required = new ArrayList<>(rule.requiredParameters());
            this.minWrappingTtl = rule.minWrappingTtl();
            this.maxWrappingTtl = rule.maxWrappingTtl();
        }

        /** Vault's merge of a second block for the same pattern: deny is sticky, otherwise union. */
        void merge(PathRule rule) {
            if (capabilities.contains(Capability.DENY)) {
                return;
            }
            if (rule.capabilities().contains(Capability.DENY)) {
                capabilities.clear();
                capabilities.add(Capability.DENY);
                allowed.clear();
                denied.clear();
                return;
            }
            capabilities.addAll(rule.capabilities());
            // The shortest wrapping lifetimes win, keeping tokens as short-lived as possible.
            if (rule.maxWrappingTtl() > 0 && (maxWrappingTtl == 0 || rule.maxWrappingTtl() < maxWrappingTtl)) {
                maxWrappingTtl = rule.maxWrappingTtl();
            }
            if (rule.minWrappingTtl() > 0 && (minWrappingTtl == 0 || rule.minWrappingTtl() < minWrappingTtl)) {
                minWrappingTtl = rule.minWrappingTtl();
            }
            mergeParameters(allowed, rule.allowedParameters());
            mergeParameters(denied, rule.deniedParameters());
            for (String r : rule.requiredParameters()) {
                if (!required.contains(r)) {
                    required.add(r);
                }
            }
        }

        /** An empty value list (any value) absorbs any other; otherwise the value lists are concatenated. */
        private static void mergeParameters(Map<String, List<Object>> into, Map<String, List<Object>> from) {
            from.forEach((name, values) -> {
                List<Object> existing = into.get(name);
                if (values.isEmpty() || (existing != null && existing.isEmpty())) {
                    into.put(name, new ArrayList<>());
                } else {
                    List<Object> merged = new ArrayList<>(values);
                    if (existing != null) {
                        merged.addAll(existing);
                    }
                    into.put(name, merged);
                }
            });
        }

        private static Map<String, List<Object>> copy(Map<String, List<Object>> parameters) {
            Map<String, List<Object>> out = new HashMap<>();
            parameters.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
            return out;
        }

        /** Vault's parameter constraints, in Vault's order: required, then denied, then allowed. */
        boolean parametersAllowed(Map<String, Object> data) {
            for (String name : required) {
                if (!data.containsKey(name.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            if (data.isEmpty()) {
                return true;
            }
            if (!denied.isEmpty()) {
                if (denied.containsKey("*")) {
                    return false;
                }
                for (Map.Entry<String, Object> field : data.entrySet()) {
                    List<Object> values = denied.get(field.getKey().toLowerCase(Locale.ROOT));
                    if (values != null && ParameterValues.matchesDenied(field.getValue(), values)) {
                        return false;
                    }
                }
            }
            if (allowed.isEmpty()) {
                return true;
            }
            boolean allowsAnyOther = allowed.containsKey("*");
            if (allowed.size() == 1 && allowsAnyOther) {
                return true;
            }
            for (Map.Entry<String, Object> field : data.entrySet()) {
                List<Object> values = allowed.get(field.getKey().toLowerCase(Locale.ROOT));
                if (values == null ? !allowsAnyOther : !ParameterValues.matchesAllowed(field.getValue(), values)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Matching of request field values against a policy's value lists, with Vault's globbing. */
    static final class ParameterValues {

        private ParameterValues() {
        }

        /** An empty list allows any value; a list or comma-separated string passes when every item does. */
        static boolean matchesAllowed(Object value, List<Object> allowedValues) {
            if (allowedValues.isEmpty() || inList(value, allowedValues)) {
                return true;
            }
            List<?> items = items(value);
            return items != null && items.stream().allMatch(v -> inList(v, allowedValues));
        }

        /** An empty list denies any value; a list or comma-separated string is denied when any item is. */
        static boolean matchesDenied(Object value, List<Object> deniedValues) {
            if (deniedValues.isEmpty() || inList(value, deniedValues)) {
                return true;
            }
            List<?> items = items(value);
            return items != null && items.stream().anyMatch(v -> inList(v, deniedValues));
        }

        /** A list value as is; a string split at commas (Vault assumes it may be a comma-separated list). */
        private static List<?> items(Object value) {
            if (value instanceof List<?> list) {
                return list;
            }
            if (value instanceof String s) {
                return s.isEmpty() ? List.of() : Arrays.stream(s.split(",", -1)).map(String::strip).toList();
            }
            return null;
        }

        static boolean inList(Object value, List<Object> list) {
            for (Object element : list) {
                if (element == null || value == null) {
                    if (element == value) {
                        return true;
                    }
                } else if (element instanceof String pattern) {
                    if (value instanceof String s && globMatches(pattern, s)) {
                        return true;
                    }
                } else if (sameValue(element, value)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code *} at the start, the end or both of a policy value matches any suffix, prefix or substring. */
        static boolean globMatches(String pattern, String value) {
            if (pattern.length() < 2) {
                return value.equals(pattern);
            }
            boolean leading = pattern.startsWith("*");
            boolean trailing = pattern.endsWith("*");
            if (leading && trailing) {
                return value.contains(pattern.substring(1, pattern.length() - 1));
            }
            if (leading) {
                return value.endsWith(pattern.substring(1));
            }
            if (trailing) {
                return value.startsWith(pattern.substring(0, pattern.length() - 1));
            }
            return value.equals(pattern);
        }

        /**
         * Numbers compare by value (a policy's {@code 30} equals a request's {@code 30} or
         * {@code 30.0}); everything else by equality.
         */
        private static boolean sameValue(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                try {
                    return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return Objects.equals(a, b);
        }
    }
}
