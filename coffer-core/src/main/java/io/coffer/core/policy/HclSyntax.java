package io.coffer.core.policy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A strict syntax check of an HCL policy document, run before hcl4j builds its values.
 *
 * <p>Why it exists: hcl4j is lenient. It silently drops a block whose closing brace is missing,
 * accepts a list without commas, ignores stray tokens, and evaluates HCL2 expressions, function
 * calls and {@code data} blocks (one of which performs HTTP requests). For an authorization
 * document, "parsed into something other than what was written" is a security bug and "the server
 * fetched a URL named in a policy" is worse. This check accepts exactly the literal subset of HCL
 * that Vault policies use (HCL version 1 as Vault reads it: blocks, {@code key = value}, strings,
 * numbers, booleans, lists, objects, heredocs, the three comment styles) and reports the first
 * violation with its line and column.
 *
 * <p>Grammar accepted:
 * <pre>
 * body   := { item [","] }
 * item   := key { key } "{" body "}"  |  key "=" value          (key: identifier or string)
 * value  := string | number | true | false | heredoc | "[" [ value { "," value } [","] ] "]" | "{" body "}"
 * </pre>
 * Two literal forms that hcl4j would misread are refused instead: backslash-u escapes in strings and
 * numbers with exponents.
 * At the top level only {@code path} and {@code name} may appear, and an attribute may not be
 * assigned twice in one block.
 */
final class HclSyntax {

    private static final int MAX_DEPTH = 32;

    /** Where each {@code path} block starts, by its label, for error messages of later stages. */
    record Outline(Map<String, Integer> pathLines) {
    }

    private enum Kind {
        IDENT, STRING, NUMBER, HEREDOC, LBRACE, RBRACE, LBRACKET, RBRACKET, ASSIGN, COMMA, EOF
    }

    private record Token(Kind kind, String value, int line, int column) {
        String describe() {
            return switch (kind) {
                case IDENT -> "identifier \"" + PolicyParseException.clip(value) + "\"";
                case STRING -> "string";
                case NUMBER -> "number";
                case HEREDOC -> "heredoc";
                case LBRACE -> "'{'";
                case RBRACE -> "'}'";
                case LBRACKET -> "'['";
                case RBRACKET -> "']'";
                case ASSIGN -> "'='";
                case COMMA -> "','";
                case EOF -> "end of document";
            };
        }
    }

    private final Lexer lexer;
    private Token current;
    private final Map<String, Integer> pathLines = new LinkedHashMap<>();

    private HclSyntax(String text) {
        this.lexer = new Lexer(text);
        this.current = lexer.next();
    }

    /** Checks {@code text}; throws {@link PolicyParseException} naming the line and column of the first problem. */
    static Outline check(String text) {
        refuseBareCarriageReturns(text);
        HclSyntax syntax = new HclSyntax(text);
        syntax.body(null, 0);
        return new Outline(Map.copyOf(syntax.pathLines));
    }

    /**
     * hcl4j ends a line at a lone {@code \r}; Vault's HCL, and this check, only at {@code \n}. Text
     * after a lone {@code \r} in a comment or heredoc would be policy to one and not to the other,
     * so such a document is refused rather than read two ways ({@code \r\n} is fine).
     */
    private static void refuseBareCarriageReturns(String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                throw PolicyParseException.at(line, i - lineStart + 1,
                        "a carriage return must be followed by a line feed (use \\n or \\r\\n line breaks)");
            }
        }
    }

    private Token advance() {
        Token t = current;
        current = lexer.next();
        return t;
    }

    /** A block or object body up to its closing brace ({@code open} is null at the top level). */
    private void body(Token open, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(current, "blocks and objects are nested too deeply");
        }
        Set<String> assigned = new HashSet<>();
        while (true) {
            Token t = current;
            switch (t.kind()) {
                case EOF -> {
                    if (open != null) {
                        throw error(open, "'{' is never closed");
                    }
                    return;
                }
                case RBRACE -> {
                    if (open == null) {
                        throw error(t, "unexpected '}' with no open block");
                    }
                    advance();
                    return;
                }
                case COMMA -> advance();
                case IDENT, STRING -> item(open == null, assigned, depth);
                default -> throw error(t, "expected a key, found " + t.describe());
            }
        }
    }

    private void item(boolean topLevel, Set<String> assigned, int depth) {
        Token key = advance();
        if (topLevel && !key.value().equals("path") && !key.value().equals("name")) {
            throw error(key, "unknown top-level key \"" + PolicyParseException.clip(key.value())
                    + "\"; a policy holds only path blocks (and an optional name)");
        }
        int labels = 0;
        Token firstLabel = null;
        while (current.kind() == Kind.IDENT || current.kind() == Kind.STRING) {
            Token label = advance();
            if (firstLabel == null) {
                firstLabel = label;
            }
            labels++;
        }
        if (current.kind() == Kind.ASSIGN) {
            if (labels > 0) {
                throw error(current, "expected '{' after the labels of \"" + PolicyParseException.clip(key.value()) + "\"");
            }
            advance();
            if (!assigned.add(key.value())) {
                throw error(key, "\"" + PolicyParseException.clip(key.value()) + "\" is assigned more than once");
            }
            value(depth + 1);
        } else if (current.kind() == Kind.LBRACE) {
            if (topLevel && key.value().equals("path") && firstLabel != null) {
                pathLines.putIfAbsent(firstLabel.value(), firstLabel.line());
            }
            body(advance(), depth + 1);
        } else {
            throw error(current, "expected '=' or '{' after \"" + PolicyParseException.clip(key.value()) + "\", found "
                    + current.describe());
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error(current, "values are nested too deeply");
        }
        Token t = advance();
        switch (t.kind()) {
            case STRING, NUMBER, HEREDOC -> {
            }
            case IDENT -> {
                if (!t.value().equals("true") && !t.value().equals("false")) {
                    throw error(t, "expected a value, found " + t.describe() + " (strings must be quoted)");
                }
            }
            case LBRACKET -> list(depth);
            case LBRACE -> body(t, depth);
            default -> throw error(t, "expected a value, found " + t.describe());
        }
    }

    private void list(int depth) {
        if (current.kind() == Kind.RBRACKET) {
            advance();
            return;
        }
        while (true) {
            value(depth + 1);
            Token t = advance();
            if (t.kind() == Kind.RBRACKET) {
                return;
            }
            if (t.kind() != Kind.COMMA) {
                throw error(t, "expected ',' or ']' in list, found " + t.describe());
            }
            if (current.kind() == Kind.RBRACKET) {
                advance();
                return;
            }
        }
    }

    private static PolicyParseException error(Token at, String message) {
        return PolicyParseException.at(at.line(), at.column(), message);
    }

    /** Splits the document into tokens, skipping whitespace and comments. */
    private static final class Lexer {
        private final String s;
        private int pos;
        private int line = 1;
        private int column = 1;

        Lexer(String s) {
            this.s = s;
        }

        Token next() {
            skipBlanksAndComments();
            int startLine = line;
            int startColumn = column;
            if (pos >= s.length()) {
                return new Token(Kind.EOF, "", startLine, startColumn);
            }
            char c = s.charAt(pos);
            Kind punct = switch (c) {
                case '{' -> Kind.LBRACE;
                case '}' -> Kind.RBRACE;
                case '[' -> Kind.LBRACKET;
                case ']' -> Kind.RBRACKET;
                case '=' -> Kind.ASSIGN;
                case ',' -> Kind.COMMA;
                default -> null;
            };
            if (punct != null) {
                bump();
                return new Token(punct, String.valueOf(c), startLine, startColumn);
            }
            if (c == '"') {
                return new Token(Kind.STRING, string(startLine, startColumn), startLine, startColumn);
            }
            if (c == '<' && s.startsWith("<<", pos)) {
                heredoc(startLine, startColumn);
                return new Token(Kind.HEREDOC, "", startLine, startColumn);
            }
            if (isDigit(c) || (c == '-' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1)))) {
                number(startLine, startColumn);
                return new Token(Kind.NUMBER, "", startLine, startColumn);
            }
            if (isIdentStart(c)) {
                int from = pos;
                while (pos < s.length() && isIdentPart(s.charAt(pos))) {
                    bump();
                }
                return new Token(Kind.IDENT, s.substring(from, pos), startLine, startColumn);
            }
            throw PolicyParseException.at(startLine, startColumn, "unexpected character " + printable(c));
        }

        private void skipBlanksAndComments() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
                    bump();
                } else if (c == '#' || s.startsWith("//", pos)) {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        bump();
                    }
                } else if (s.startsWith("/*", pos)) {
                    int startLine = line;
                    int startColumn = column;
                    int end = s.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw PolicyParseException.at(startLine, startColumn, "comment is never closed");
                    }
                    while (pos < end + 2) {
                        bump();
                    }
                } else {
                    return;
                }
            }
        }

        /** A quoted string; returns its value with escapes resolved. */
        private String string(int startLine, int startColumn) {
            bump();
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length() || s.charAt(pos) == '\n') {
                    throw PolicyParseException.at(startLine, startColumn, "string is never closed");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    bump();
                    return out.toString();
                }
                if ((c == '$' || c == '%') && s.startsWith("{", pos + 1)) {
                    throw PolicyParseException.at(line, column,
                            "template sequences (\"" + c + "{\") are not supported in policies");
                }
                if (c == '\\') {
                    int escLine = line;
                    int escColumn = column;
                    bump();
                    if (pos >= s.length()) {
                        throw PolicyParseException.at(startLine, startColumn, "string is never closed");
                    }
                    char e = s.charAt(pos);
                    bump();
                    switch (e) {
                        case '"' -> out.append('"');
                        case '\\' -> out.append('\\');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        // hcl4j cannot decode \\u escapes; write the character itself instead.
                        case 'u', 'U' -> throw PolicyParseException.at(escLine, escColumn,
                                "\\u escapes are not supported; write the character itself");
                        default -> throw PolicyParseException.at(escLine, escColumn, "unknown escape sequence \\" + printable(e));
                    }
                    continue;
                }
                out.append(c);
                bump();
            }
        }

        /** {@code <<ID} or {@code <<-ID}, a newline, lines, and a line holding only {@code ID}. */
        private void heredoc(int startLine, int startColumn) {
            bump();
            bump();
            boolean indented = pos < s.length() && s.charAt(pos) == '-';
            if (indented) {
                bump();
            }
            int from = pos;
            while (pos < s.length() && isIdentPart(s.charAt(pos))) {
                bump();
            }
            String marker = s.substring(from, pos);
            if (marker.isEmpty() || !isIdentStart(marker.charAt(0))) {
                throw PolicyParseException.at(startLine, startColumn, "heredoc needs a marker such as <<EOT");
            }
            if (pos < s.length() && s.charAt(pos) == '\r') {
                bump();
            }
            if (pos >= s.length() || s.charAt(pos) != '\n') {
                throw PolicyParseException.at(line, column, "heredoc marker must end its line");
            }
            bump();
            while (pos < s.length()) {
                int lineStart = pos;
                int lineNumber = line;
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    bump();
                }
                String text = s.substring(lineStart, pos).replaceAll("\r$", "");
                if ((indented ? text.strip() : text).equals(marker)) {
                    return;
                }
                int template = Math.max(text.indexOf("${"), text.indexOf("%{"));
                if (template >= 0) {
                    throw PolicyParseException.at(lineNumber, template + 1, "template sequences are not supported in policies");
                }
                if (pos < s.length()) {
                    bump();
                }
            }
            throw PolicyParseException.at(startLine, startColumn, "heredoc is never closed (no line holding only " + marker + ")");
        }

        private void number(int startLine, int startColumn) {
            if (s.charAt(pos) == '-') {
                bump();
            }
            digits();
            if (pos < s.length() && s.charAt(pos) == '.') {
                bump();
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw PolicyParseException.at(startLine, startColumn, "malformed number");
                }
                digits();
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                // hcl4j misreads exponents (1.5e3 becomes "e3"), so they are refused rather than misread.
                throw PolicyParseException.at(startLine, startColumn, "numbers with exponents are not supported");
            }
            if (pos < s.length() && isIdentPart(s.charAt(pos))) {
                throw PolicyParseException.at(startLine, startColumn, "malformed number");
            }
        }

        private void digits() {
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                bump();
            }
        }

        private void bump() {
            if (s.charAt(pos) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            pos++;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isIdentPart(char c) {
            return isIdentStart(c) || isDigit(c) || c == '-';
        }

        private static String printable(char c) {
            return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("U+%04X", (int) c);
        }
    }
}
