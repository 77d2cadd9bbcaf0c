package io.coffer.core.logical;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to request fields with Vault's weak decoding: {@code "5"} is accepted where an
 * integer is expected, {@code "true"} where a boolean is. A value of the wrong type is a 400 that
 * names the field but never echoes the value, which might be secret.
 */
public final class RequestData {

    private final Map<String, Object> data;

    public RequestData(Map<String, Object> data) {
        this.data = data;
    }

    public boolean has(String field) {
        return data.containsKey(field) && data.get(field) != null;
    }

    public Optional<Object> raw(String field) {
        return Optional.ofNullable(data.get(field));
    }

    public Optional<String> string(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(String.valueOf(v));
        }
        throw wrongType(field, "a string");
    }

    public Optional<Long> integer(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        try {
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                return Optional.of(((Number) v).longValue());
            }
            if (v instanceof BigInteger b) {
                return Optional.of(b.longValueExact());
            }
            if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
                BigDecimal d = v instanceof BigDecimal bd ? bd : BigDecimal.valueOf(((Number) v).doubleValue());
                return Optional.of(d.longValueExact());
            }
            if (v instanceof String s) {
                String t = s.trim();
                if (t.isEmpty()) {
                    return Optional.of(0L);
                }
                return Optional.of(Long.parseLong(t));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw wrongType(field, "an integer");
        }
        throw wrongType(field, "an integer");
    }

    public Optional<Boolean> bool(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "t" -> {
                    return Optional.of(true);
                }
                case "false", "0", "f", "" -> {
                    return Optional.of(false);
                }
                default -> throw wrongType(field, "a boolean");
            }
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return Optional.of(n.doubleValue() == 1);
        }
        throw wrongType(field, "a boolean");
    }

    /** A duration in seconds: an integer number of seconds or a string such as {@code "1h30m"}. */
    public Optional<Long> durationSeconds(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number) {
            return integer(field);
        }
        if (v instanceof String s) {
            try {
                return Optional.of(Durations.parseSeconds(s));
            } catch (IllegalArgumentException e) {
                throw CofferException.invalid("field \"" + field + "\" is not a valid duration: " + e.getMessage());
            }
        }
        throw wrongType(field, "a duration");
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> map(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of((Map<String, Object>) m);
        }
        throw wrongType(field, "an object");
    }

    /**
     * An object of scalar values as strings (Vault's mount and auth {@code options}); empty when
     * absent, 400 when a value is an object or array.
     */
    public Map<String, String> stringMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        map(field).ifPresent(m -> m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw CofferException.invalid("field \"" + field + "." + ClientText.escape(k) + "\" must be a string");
            }
            if (v != null) {
                out.put(k, String.valueOf(v));
            }
        }));
        return out;
    }

    /** A list of strings: a JSON array of strings, or one comma-separated string. */
    public Optional<List<String>> stringList(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s.isBlank() ? List.of()
                    : java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
        }
        if (v instanceof Collection<?> c) {
            return Optional.of(c.stream().map(e -> {
                if (e instanceof String || e instanceof Number || e instanceof Boolean) {
                    return String.valueOf(e);
                }
                throw wrongType(field, "a list of strings");
            }).toList());
        }
        throw wrongType(field, "a list of strings");
    }

    /** A list of integers: a JSON array of numbers, or one comma-separated string. */
    public Optional<List<Long>> integerList(String field) {
        Object v = data.get(field);
        if (v == null) {
            return Optional.empty();
        }
        List<?> items;
        if (v instanceof String s) {
            items = s.isBlank() ? List.of() : List.of(s.split(","));
        } else if (v instanceof Collection<?> c) {
            items = new ArrayList<>(c); // may hold JSON nulls, refused below (List.copyOf would throw)
        } else if (v instanceof Number n) {
            items = List.of(n);
        } else {
            throw wrongType(field, "a list of integers");
        }
        return Optional.of(items.stream().map(e -> {
            if (e == null) {
                throw wrongType(field, "a list of integers");
            }
            Object x = e instanceof String s ? s.trim() : e;
            return new RequestData(Map.of(field, x)).integer(field).orElseThrow(() -> wrongType(field, "a list of integers"));
        }).toList());
    }

    private static CofferException wrongType(String field, String expected) {
        return CofferException.invalid("field \"" + field + "\" must be " + expected);
    }
}
