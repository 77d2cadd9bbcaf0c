package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.Globs;
import io.coffer.core.error.CofferException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading claims the way Vault's jwt method does: a claim name starting with {@code /} is a JSON
 * pointer into nested claims ({@code /groups/0}, {@code /https:~1~1example.com~1tenant}), any other
 * name is a top-level key. Numbers compare by their integer value, since claims arrive as
 * floating-point numbers in Vault and bound values as written.
 *
 * <p>Error messages name claims, never their values.
 */
final class ClaimValues {

    /** A number claim or bound value in comparable form: its integer text for claims, its literal for bounds. */
    record NumericValue(String text) {
    }

    private ClaimValues() {
    }

    /** The claim {@code name} (a key or a JSON pointer), numbers normalized; null when absent. */
    static Object get(Map<String, Object> claims, String name) {
        Object v = name.startsWith("/") ? pointer(claims, name) : claims.get(name);
        return v instanceof Number n ? new NumericValue(integerText(n)) : v;
    }

    /** The metadata {@code claim_mappings} produce: each present claim, which must be a string, under its key. */
    static Map<String, String> metadata(Map<String, Object> claims, Map<String, String> mappings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : mappings.entrySet()) {
            Object v = get(claims, m.getKey());
            if (v == null) {
                continue;
            }
            if (!(v instanceof String s)) {
                throw CofferException.invalid("error converting claim '" + m.getKey() + "' to string");
            }
            out.put(m.getValue(), s);
        }
        return out;
    }

    /**
     * Checks every bound claim: the claim must exist and one of its values (a list claim has several)
     * must equal, or with {@code glob} match, one of the bound values.
     */
    static void checkBound(String type, Map<String, Object> bound, Map<String, Object> claims) {
        boolean globs = JwtRole.CLAIMS_GLOB.equals(type);
        for (Map.Entry<String, Object> b : bound.entrySet()) {
            Object actual = get(claims, b.getKey());
            if (actual == null) {
                throw CofferException.invalid("error validating claims: claim \"" + b.getKey() + "\" is missing");
            }
            List<Object> actualValues = asList(actual).orElseThrow(() -> CofferException.invalid(
                    "error validating claims: claim \"" + b.getKey() + "\" is not a string, bool, int or list"));
            List<Object> expectedValues = asList(normalizeBound(b.getValue())).orElseThrow(() -> CofferException.invalid(
                    "error validating claims: bound claim \"" + b.getKey() + "\" is not a string, bool, int or list"));
            if (!anyMatch(expectedValues, actualValues, globs)) {
                throw CofferException.invalid("error validating claims: claim \"" + b.getKey()
                        + "\" does not match any associated bound claim values");
            }
        }
    }

    /** A scalar as a one-element list, a list as itself; empty for objects. */
    static Optional<List<Object>> asList(Object v) {
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object o : c) {
                out.add(o instanceof Number n ? new NumericValue(integerText(n)) : o);
            }
            return Optional.of(out);
        }
        if (v instanceof String || v instanceof Boolean || v instanceof NumericValue) {
            return Optional.of(List.of(v));
        }
        return Optional.empty();
    }

    private static boolean anyMatch(List<Object> expected, List<Object> actual, boolean globs) {
        for (Object e : expected) {
            for (Object a : actual) {
                if (globs ? e instanceof String pattern && a instanceof String s && Globs.matches(pattern, s)
                        : Objects.equals(e, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object normalizeBound(Object v) {
        if (v instanceof Number n) {
            return new NumericValue(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(ClaimValues::normalizeBound).toList();
        }
        return v;
    }

    private static String integerText(Number n) {
        if (n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        try {
            return new BigDecimal(n.toString()).toBigInteger().toString();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    /** RFC 6901 JSON pointer lookup; null when any step is missing or of the wrong kind. */
    private static Object pointer(Map<String, Object> claims, String pointer) {
        Object at = claims;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (at instanceof Map<?, ?> m) {
                at = m.get(token);
            } else if (at instanceof List<?> l && token.matches("0|[1-9]\\d{0,8}")) {
                int i = Integer.parseInt(token);
                at = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
            if (at == null) {
                return null;
            }
        }
        return at;
    }
}
