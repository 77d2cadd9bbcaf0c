package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.error.ClientText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code Filters} of ListSecrets and BatchGetSecretValue: a list of {@code {Key, Values}}.
 *
 * <p>How a secret is matched, following AWS's documentation ("Find secrets in Secrets Manager" and
 * the {@code Filter} API reference) and behaviour observed against AWS:
 * <ul>
 *   <li>Filters combine with AND; the values of one filter combine with OR, so the same key twice
 *       narrows the result.</li>
 *   <li>{@code name}, {@code tag-key}, {@code tag-value}, {@code primary-region} and
 *       {@code owning-service} match the beginning of the attribute, case-sensitively; a tag filter
 *       matches when any of the secret's tags does.</li>
 *   <li>{@code description} and {@code all} match words, not case-sensitively: both the value and
 *       the attribute are split into words (at every character that is not a letter or digit, at a
 *       change from lowercase to uppercase, between letters and digits, and before the last capital
 *       of a capitalised run followed by lowercase: {@code COMPANYthings} is {@code COMPAN} and
 *       {@code Ythings}), and every word of the value must begin some word of the attribute.
 *       {@code all} searches the words of the name, the description and every tag key and value
 *       together. A value without any word (such as {@code "+"}) matches nothing.</li>
 *   <li>A value starting with {@code !} matches the secrets the rest of the value does not match:
 *       {@code !prod} on {@code tag-key} keeps secrets none of whose tag keys begins with
 *       {@code prod}, including secrets without tags.</li>
 * </ul>
 * AWS is known to leave some names with two different separators (such as {@code a-b/c}) unsplit
 * in its word index; Coffer splits them, which finds more, never less.
 *
 * <p>Input is checked the way AWS checks it: model constraints (at most 10 filters, a known key, 1
 * to 10 values of at most 512 characters from {@code [a-zA-Z0-9 :_@/+=.\-!]} after an optional
 * leading {@code !}) are all reported together as one {@code ValidationException}; a filter without
 * a key or without values is then an {@code InvalidParameterException}. Filter values are not secret
 * and are echoed in messages as AWS does.
 *
 * <p>Immutable and thread-safe.
 */
public final class SecretFilters {

    static final int MAX_FILTERS = 10;
    static final int MAX_VALUES = 10;
    static final int MAX_VALUE_LENGTH = 512;
    static final String VALUE_PATTERN_TEXT = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$";
    private static final Pattern VALUE_PATTERN = Pattern.compile("^!?[a-zA-Z0-9 :_@/+=.\\-!]*$");

    /** No filters: every secret matches. */
    public static final SecretFilters NONE = new SecretFilters(List.of());

    private final List<Filter> filters;

    private SecretFilters(List<Filter> filters) {
        this.filters = List.copyOf(filters);
    }

    /**
     * Parses the {@code Filters} member of a request.
     *
     * @param filtersField the member's value; {@code null}, JSON null or missing means no filters
     * @throws AwsServiceException {@code SerializationException} for wrong JSON types,
     *                             {@code ValidationException} for model constraints,
     *                             {@code InvalidParameterException} for a filter without key or values
     */
    public static SecretFilters parse(JsonNode filtersField) {
        if (filtersField == null || filtersField.isNull() || filtersField.isMissingNode()) {
            return NONE;
        }
        if (!filtersField.isArray()) {
            throw Errors.wrongType(filtersField, "Collection");
        }
        List<String> violations = new ArrayList<>();
        if (filtersField.size() > MAX_FILTERS) {
            violations.add("Value at 'filters' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_FILTERS);
        }
        List<RawFilter> raw = new ArrayList<>();
        for (int i = 0; i < filtersField.size(); i++) {
            raw.add(RawFilter.read(filtersField.get(i), i + 1, violations));
        }
        if (!violations.isEmpty()) {
            throw new AwsServiceException(AwsErrorType.ValidationException, violations.size()
                    + (violations.size() == 1 ? " validation error" : " validation errors")
                    + " detected: " + String.join("; ", violations));
        }
        List<Filter> filters = new ArrayList<>();
        for (RawFilter f : raw) {
            if (f.key() == null) {
                throw new AwsServiceException(AwsErrorType.InvalidParameterException, "Invalid filter key");
            }
            if (f.values() == null) {
                throw new AwsServiceException(AwsErrorType.InvalidParameterException,
                        "Invalid filter values for key: " + f.key().wire);
            }
            filters.add(new Filter(f.key(), f.values().stream().map(v -> Value.of(f.key(), v)).toList()));
        }
        return new SecretFilters(filters);
    }

    public boolean isEmpty() {
        return filters.isEmpty();
    }

    /**
     * True when a {@code name} filter already excludes a secret of this name, whatever else it
     * has: filters combine with AND, so a lister need not read the secret to know.
     */
    public boolean rejectsByName(String name) {
        FilterableSecret named = FilterableSecret.named(name);
        for (Filter filter : filters) {
            if (filter.key() == Key.NAME && !filter.matches(named)) {
                return true;
            }
        }
        return false;
    }

    /** True when the secret satisfies every filter. */
    public boolean matches(FilterableSecret secret) {
        Objects.requireNonNull(secret);
        for (Filter filter : filters) {
            if (!filter.matches(secret)) {
                return false;
            }
        }
        return true;
    }

    /** The filter keys AWS accepts, in the order of its model's enum. */
    enum Key {
        DESCRIPTION("description", true),
        NAME("name", false),
        TAG_KEY("tag-key", false),
        TAG_VALUE("tag-value", false),
        PRIMARY_REGION("primary-region", false),
        OWNING_SERVICE("owning-service", false),
        ALL("all", true);

        final String wire;
        final boolean byWords;

        Key(String wire, boolean byWords) {
            this.wire = wire;
            this.byWords = byWords;
        }

        static Key fromWire(String wire) {
            for (Key k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            return null;
        }

        static String enumSet() {
            return Arrays.stream(values()).map(k -> k.wire).collect(Collectors.joining(", ", "[", "]"));
        }

        /** The attribute strings this key looks at: whole strings, or words to be split. */
        List<String> attributes(FilterableSecret s) {
            List<String> out = new ArrayList<>();
            switch (this) {
                case NAME -> out.add(s.name());
                case DESCRIPTION -> addIfPresent(out, s.description());
                case TAG_KEY -> s.tags().forEach(t -> out.add(t.key()));
                case TAG_VALUE -> s.tags().forEach(t -> out.add(t.value()));
                case PRIMARY_REGION -> addIfPresent(out, s.primaryRegion());
                case OWNING_SERVICE -> addIfPresent(out, s.owningService());
                case ALL -> {
                    out.add(s.name());
                    addIfPresent(out, s.description());
                    s.tags().forEach(t -> {
                        out.add(t.key());
                        out.add(t.value());
                    });
                }
            }
            return out;
        }

        private static void addIfPresent(List<String> out, String value) {
            if (value != null) {
                out.add(value);
            }
        }
    }

    private record Filter(Key key, List<Value> values) {

        boolean matches(FilterableSecret secret) {
            List<String> attributes = key.attributes(secret);
            List<String> attributeWords = key.byWords ? lowerWords(attributes) : List.of();
            for (Value v : values) {
                boolean hit = key.byWords ? v.matchesWords(attributeWords) : v.matchesPrefix(attributes);
                if (hit != v.negated()) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> lowerWords(List<String> attributes) {
            List<String> out = new ArrayList<>();
            for (String a : attributes) {
                for (String w : SecretFilters.words(a)) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
            return out;
        }
    }

    /** One filter value: {@code negated} when it began with {@code !}; words already lowercased. */
    private record Value(boolean negated, String text, List<String> words) {

        static Value of(Key key, String raw) {
            boolean negated = raw.startsWith("!");
            String text = negated ? raw.substring(1) : raw;
            List<String> words = key.byWords
                    ? SecretFilters.words(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()
                    : List.of();
            return new Value(negated, text, words);
        }

        boolean matchesPrefix(List<String> attributes) {
            for (String a : attributes) {
                if (a.startsWith(text)) {
                    return true;
                }
            }
            return false;
        }

        boolean matchesWords(List<String> attributeWords) {
            if (words.isEmpty()) {
                return false;
            }
            for (String w : words) {
                boolean found = false;
                for (String a : attributeWords) {
                    if (a.startsWith(w)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A filter as sent, before the service-level checks; {@code null} members were absent. */
    private record RawFilter(Key key, List<String> values) {

        static RawFilter read(JsonNode node, int index, List<String> violations) {
            if (node == null || !node.isObject()) {
                throw Errors.wrongType(node, "Filter");
            }
            String at = "filters." + index + ".member";
            Key key = null;
            JsonNode keyNode = node.get("Key");
            if (keyNode != null && !keyNode.isNull()) {
                if (!keyNode.isTextual()) {
                    throw Errors.wrongType(keyNode, "String");
                }
                key = Key.fromWire(keyNode.textValue());
                if (key == null) {
                    violations.add("Value '" + ClientText.escape(keyNode.textValue()) + "' at '" + at + ".key' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: " + Key.enumSet());
                }
            }
            List<String> values = null;
            JsonNode valuesNode = node.get("Values");
            if (valuesNode != null && !valuesNode.isNull()) {
                if (!valuesNode.isArray()) {
                    throw Errors.wrongType(valuesNode, "Collection");
                }
                values = new ArrayList<>();
                for (JsonNode v : valuesNode) {
                    if (!v.isTextual()) {
                        throw Errors.wrongType(v, "String");
                    }
                    values.add(v.textValue());
                }
                if (values.isEmpty() || values.size() > MAX_VALUES) {
                    violations.add("Value '" + ClientText.escape(values.toString()) + "' at '" + at + ".values' failed to satisfy constraint: "
                            + (values.isEmpty()
                                    ? "Member must have length greater than or equal to 1"
                                    : "Member must have length less than or equal to " + MAX_VALUES));
                }
                for (int j = 0; j < values.size(); j++) {
                    checkValue(values.get(j), at + ".values." + (j + 1) + ".member", violations);
                }
            }
            return new RawFilter(key, values);
        }

        private static void checkValue(String value, String at, List<String> violations) {
            List<String> broken = new ArrayList<>();
            if (value.length() > MAX_VALUE_LENGTH) {
                broken.add("Member must have length less than or equal to " + MAX_VALUE_LENGTH);
            }
            if (!VALUE_PATTERN.matcher(value).matches()) {
                broken.add("Member must satisfy regular expression pattern: " + VALUE_PATTERN_TEXT);
            }
            if (broken.isEmpty()) {
                return;
            }
            String constraint = broken.size() == 1
                    ? broken.get(0)
                    : "Member must satisfy constraint: [" + String.join(", ", broken) + "]";
            violations.add("Value '" + ClientText.escape(value) + "' at '" + at + "' failed to satisfy constraint: " + constraint);
        }
    }

    /**
     * Splits into words as AWS's search does. Package-private for the tests; works on code points
     * so that letters outside ASCII stay whole.
     */
    static List<String> words(String s) {
        int[] cps = s.codePoints().toArray();
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < cps.length; i++) {
            CharClass cls = CharClass.of(cps[i]);
            if (cls == CharClass.OTHER) {
                if (start >= 0) {
                    out.add(new String(cps, start, i - start));
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
                continue;
            }
            CharClass prev = CharClass.of(cps[i - 1]);
            if (prev == CharClass.LOWER && cls == CharClass.UPPER
                    || prev.isLetter() && cls == CharClass.DIGIT
                    || prev == CharClass.DIGIT && cls.isLetter()) {
                out.add(new String(cps, start, i - start));
                start = i;
            } else if (prev == CharClass.UPPER && cls == CharClass.LOWER && i - 1 > start) {
                // A capitalised run followed by lowercase: its last capital starts the next word.
                out.add(new String(cps, start, i - 1 - start));
                start = i - 1;
            }
        }
        if (start >= 0) {
            out.add(new String(cps, start, cps.length - start));
        }
        return out;
    }

    private enum CharClass {
        UPPER, LOWER, DIGIT, OTHER;

        static CharClass of(int cp) {
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return UPPER;
            }
            if (Character.isLetter(cp)) {
                return LOWER;
            }
            if (Character.isDigit(cp)) {
                return DIGIT;
            }
            return OTHER;
        }

        boolean isLetter() {
            return this == UPPER || this == LOWER;
        }
    }
}
