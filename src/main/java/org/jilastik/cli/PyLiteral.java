package org.jilastik.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small Python/JSON literals ilastik's flags take: integers, floats, {@code None}/{@code null},
 * {@code True}/{@code False}, quoted strings, lists {@code [..]}, tuples {@code (..)} (returned as lists) and
 * dicts {@code {k: v}}. Nothing is evaluated.
 *
 * <p>Result types: {@link Long} (integer literal), {@link Double} (literal with {@code .} or exponent),
 * {@code null} (None), {@link Boolean}, {@link String}, unmodifiable {@link List} (may hold nulls) and
 * {@link Map} (insertion order; a repeated key keeps the last value, as Python). Stateless use: one instance per
 * parse.
 */
final class PyLiteral {
    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text} as one literal.
     *
     * @throws IllegalArgumentException with the position of a syntax error
     */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new IllegalArgumentException("the value is empty");
        }
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return v;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the value ends too early");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> sequence(']');
            case '(' -> sequence(')');
            case '{' -> dict();
            case '"', '\'' -> string(c);
            default -> {
                if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    yield number();
                }
                yield word();
            }
        };
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> out = new ArrayList<>();
        skipSpace();
        while (true) {
            if (peek(close)) {
                pos++;
                return Collections.unmodifiableList(out);
            }
            out.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private Map<Object, Object> dict() {
        pos++;
        Map<Object, Object> out = new LinkedHashMap<>();
        skipSpace();
        while (true) {
            if (peek('}')) {
                pos++;
                return Collections.unmodifiableMap(out);
            }
            Object key = value();
            skipSpace();
            if (!peek(':')) {
                throw error("expected ':' after a dict key");
            }
            pos++;
            Object v = value();
            out.put(key, v);
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
            } else if (!peek('}')) {
                throw error("expected ',' or '}'");
            }
        }
    }

    private String string(char quote) {
        int start = pos++;
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return b.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                b.append(c);
            }
        }
        pos = start;
        throw error("unterminated string");
    }

    private Number number() {
        int start = pos;
        if (peek('-') || peek('+')) {
            pos++;
        }
        boolean floating = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c) || c == '_') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                floating = true;
                pos++;
                if ((c == 'e' || c == 'E') && (peek('-') || peek('+'))) {
                    pos++;
                }
            } else {
                break;
            }
        }
        String s = text.substring(start, pos).replace("_", "");
        try {
            return floating ? (Number) Double.valueOf(s) : (Number) Long.valueOf(s);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("\"" + text.substring(start, Math.max(start + 1, start + s.length())) + "\" is not a number"
                    + (floating ? "" : " or is too large"));
        }
    }

    private Object word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String w = text.substring(start, pos);
        switch (w) {
            case "None", "null":
                return null;
            case "True", "true":
                return Boolean.TRUE;
            case "False", "false":
                return Boolean.FALSE;
            default:
                pos = start;
                throw error(w.isEmpty() ? "unexpected '" + text.charAt(pos) + "'"
                        : "\"" + w + "\" is not a number, None or a quoted string");
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + (pos + 1));
    }
}
