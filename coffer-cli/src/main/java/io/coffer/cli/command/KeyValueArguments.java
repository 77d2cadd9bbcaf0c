package io.coffer.cli.command;

import io.coffer.cli.client.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads secret data from command-line arguments the way the vault CLI does:
 *
 * <ul>
 *   <li>{@code key=value}: a string value;</li>
 *   <li>{@code key=@path}: the file's contents as the value ({@code key=\@x} is the literal {@code @x});</li>
 *   <li>{@code key=-}: all of stdin as the value;</li>
 *   <li>{@code @path.json}: a JSON object from the file, merged in;</li>
 *   <li>{@code -}: a JSON object from stdin, merged in.</li>
 * </ul>
 *
 * A key given twice collects its values into a list. Stdin can be used once per command. Error
 * messages never repeat a value, only keys and file names: the values are secrets.
 */
public final class KeyValueArguments {

    private final InputStream stdin;
    private boolean stdinConsumed;

    public KeyValueArguments(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The data {@code arguments} spell, in argument order. */
    public Map<String, Object> parse(List<String> arguments) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            add(data, arguments.get(i), i + 1);
        }
        return data;
    }

    private void add(Map<String, Object> data, String argument, int position) {
        if (argument.isEmpty()) {
            return;
        }
        int equals = argument.indexOf('=');
        if (equals < 0) {
            if (argument.equals("-")) {
                data.putAll(jsonFrom(readStdin("-"), "-"));
            } else if (argument.startsWith("@")) {
                data.putAll(jsonFrom(readFile(argument, argument.substring(1)), argument));
            } else {
                throw failure("argument " + position, "format must be key=value");
            }
            return;
        }
        String key = argument.substring(0, equals);
        String value = argument.substring(equals + 1);
        if (value.startsWith("@")) {
            value = new String(readFile(key + "=" + value, value.substring(1)), StandardCharsets.UTF_8);
        } else if (value.startsWith("\\@")) {
            value = value.substring(1);
        } else if (value.equals("-")) {
            value = new String(readStdin(key + "=-"), StandardCharsets.UTF_8);
        }
        put(data, key, value);
    }

    /**
     * The data as strings, for commands whose arguments are settings rather than secret data
     * ({@code login} configuration, audit device options). Numbers and booleans are spelled as Go's
     * weak decoding, which the vault CLI uses here, spells them (booleans as {@code 1} and {@code 0}).
     *
     * @throws CommandFailure (exit code 1) for a value that is a list or an object
     */
    public Map<String, String> parseStrings(List<String> arguments) {
        Map<String, String> strings = new LinkedHashMap<>();
        parse(arguments).forEach((key, value) -> strings.put(key, scalar(key, value)));
        return strings;
    }

    /**
     * The data as lists of strings, for query parameters: a key given twice, or a JSON array,
     * yields several values.
     *
     * @throws CommandFailure (exit code 1) for a value that is an object
     */
    public Map<String, List<String>> parseStringLists(List<String> arguments) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        parse(arguments).forEach((key, value) -> {
            List<String> values = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(item -> values.add(scalar(key, item)));
            } else {
                values.add(scalar(key, value));
            }
            lists.put(key, values);
        });
        return lists;
    }

    private static String scalar(String key, Object value) {
        return switch (value) {
            case null -> "";
            case String text -> text;
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            case Boolean flag -> flag ? "1" : "0";
            // Only the key is named: the value may be a secret.
            default -> throw CommandFailure.local("Failed to parse K=V data: the value of \"" + key
                    + "\" cannot be converted to a string");
        };
    }

    /** Repeated keys become lists of their values, in order. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> data, String key, Object value) {
        if (!data.containsKey(key)) {
            data.put(key, value);
            return;
        }
        Object existing = data.get(key);
        List<Object> values = existing instanceof List<?> list ? new ArrayList<>((List<Object>) list) : new ArrayList<>(List.of(existing));
        values.add(value);
        data.put(key, values);
    }

    private byte[] readStdin(String shownAs) {
        if (stdinConsumed) {
            throw failure("\"" + shownAs + "\"", "stdin already consumed");
        }
        stdinConsumed = true;
        try {
            return stdin.readAllBytes();
        } catch (IOException e) {
            throw failure("\"" + shownAs + "\"", "error reading stdin: " + e.getMessage());
        }
    }

    private static byte[] readFile(String shownAs, String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw failure("\"" + shownAs + "\"", "error reading file: open " + file + ": no such file or directory");
        } catch (IOException e) {
            throw failure("\"" + shownAs + "\"", "error reading file: " + e.getMessage());
        }
    }

    private static Map<String, Object> jsonFrom(byte[] json, String shownAs) {
        try {
            return JsonCodec.decodeObject(json);
        } catch (IllegalArgumentException e) {
            throw failure("\"" + shownAs + "\"", e.getMessage());
        }
    }

    private static CommandFailure failure(String which, String reason) {
        return CommandFailure.local("Failed to parse K=V data: invalid key/value pair " + which + ": " + reason);
    }
}
