package io.coffer.core.auth.workload;

import io.coffer.core.net.CidrBlock;
import io.coffer.core.auth.Names;
import io.coffer.core.auth.TokenSettings;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Durations;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Field decoding and answers that the role paths of every workload auth method share. */
public final class RoleFields {

    /**
     * The deprecated names the jwt and kubernetes roles still accept for {@code token_*} fields, as
     * Vault's plugins do.
     */
    public static final List<TokenSettings.Alias> TOKEN_ALIASES = List.of(
            new TokenSettings.Alias("policies", "token_policies"),
            new TokenSettings.Alias("ttl", "token_ttl"),
            new TokenSettings.Alias("max_ttl", "token_max_ttl"),
            new TokenSettings.Alias("period", "token_period"),
            new TokenSettings.Alias("bound_cidrs", "token_bound_cidrs"));

    private RoleFields() {
    }

    /**
     * Applies a role write's {@code token_*} fields, and refuses a period longer than the mount
     * allows (Vault's jwt and kubernetes roles check it; the shared settings do not).
     */
    public static TokenSettings tokenSettings(TokenSettings current, RequestData fields, MountEntry mount, List<String> warnings) {
        TokenSettings token = current.update(fields, TOKEN_ALIASES, warnings);
        long mountMax = TokenSettings.mountMaxTtl(mount);
        if (token.period() > mountMax) {
            throw CofferException.invalid("'token_period' is greater than the mount's maximum lease TTL of " + mountMax + "s");
        }
        return token;
    }

    /** Refuses a login from outside the role's {@code token_bound_cidrs} with Vault's bare 403. */
    public static void checkClientAddress(TokenSettings token, String remoteAddress) {
        if (!token.boundCidrs().isEmpty() && !CidrBlock.anyContains(token.boundCidrs(), remoteAddress)) {
            throw CofferException.permissionDenied();
        }
    }

    /**
     * A signed duration in seconds (Vault's {@code TypeSignedDurationSecond}): an integer, or a
     * duration string such as {@code 90s} or {@code -1}.
     */
    public static Optional<Long> signedDuration(RequestData fields, String field) {
        Optional<Object> raw = fields.raw(field);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get() instanceof String s && s.trim().startsWith("-")) {
            try {
                return Optional.of(-Durations.parseSeconds(s.trim().substring(1)));
            } catch (IllegalArgumentException e) {
                throw CofferException.invalid("field \"" + field + "\" is not a valid duration: " + e.getMessage());
            }
        }
        return fields.durationSeconds(field);
    }

    /**
     * Vault's key/value pairs field: a JSON object of scalars, or a list of {@code key=value}
     * strings.
     */
    public static Optional<Map<String, String>> keyValuePairs(RequestData fields, String field) {
        Optional<Object> raw = fields.raw(field);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.get() instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw CofferException.invalid("field \"" + field + "\" must map names to strings");
                }
                out.put(String.valueOf(e.getKey()), String.valueOf(v));
            }
            return Optional.of(out);
        }
        for (String pair : fields.stringList(field).orElse(List.of())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw CofferException.invalid("field \"" + field + "\" must be an object or a list of key=value strings");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return Optional.of(out);
    }

    /** Vault's LIST answer: {@code {"keys": [...]}}, or a 404 with no message when there are none. */
    public static Response list(List<String> names) {
        if (names.isEmpty()) {
            throw notFound();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keys", names);
        return Response.of(data);
    }

    /** Vault's answer to a read of nothing: 404 with an empty error list. */
    public static CofferException notFound() {
        return new CofferException(CofferException.Kind.NOT_FOUND, List.of());
    }

    /**
     * A role name from a request, as an error may quote it (Vault does). Only a short valid name is
     * shown: a client that swapped its arguments sends the JWT as the role, and no signed JWT is
     * 64 characters short.
     */
    public static String quotable(String name) {
        return name.length() <= 64 && name.matches(Names.PATTERN) ? name : "(not shown: not a valid role name)";
    }
}
