package org.jilastik.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the small documents an {@code .ilp} stores (vigra {@code axistags}).
 *
 * <p>Objects become {@code Map<String, Object>} (insertion ordered, unmodifiable), arrays {@code List<Object>},
 * numbers {@code Double}, and {@code true/false/null} their Java values. Not thread safe per instance; use
 * {@link #parse(String)}.
 */
public final class JsonParser {
    private final String s;
    private int i;

    private JsonParser(String s) {
        this.s = s;
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException naming the position of the first syntax error
     */
    public static Object parse(String json) {
        JsonParser p = new JsonParser(json);
        Object v = p.value();
        p.blanks();
        if (p.i != json.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    private Object value() {
        blanks();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        blanks();
        if (peek('}')) {
            i++;
            return Collections.unmodifiableMap(m);
        }
        while (true) {
            blanks();
            if (!peek('"')) {
                throw error("expected a string key");
            }
            String key = string();
            blanks();
            expect(':');
            m.put(key, value());
            blanks();
            if (peek(',')) {
                i++;
            } else {
                expect('}');
                return Collections.unmodifiableMap(m);
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        blanks();
        if (peek(']')) {
            i++;
            return Collections.unmodifiableList(l);
        }
        while (true) {
            l.add(value());
            blanks();
            if (peek(',')) {
                i++;
            } else {
                expect(']');
                return Collections.unmodifiableList(l);
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        throw error("unterminated string");
    }

    private Double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw error("unexpected character '" + s.charAt(i) + "'");
        }
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, i)) {
            throw error("expected " + word);
        }
        i += word.length();
        return value;
    }

    private void blanks() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at character " + i + ": " + what);
    }
}
