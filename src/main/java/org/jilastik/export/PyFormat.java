package org.jilastik.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python {@code str.format} templates as ilastik's {@code format_known_keys} applies them to export file
 * names: fields whose name is known are formatted (with their format spec), unknown fields are left in the text
 * as {@code {name}} or {@code {name:spec}} (a {@code !r}/{@code !s} conversion is dropped), and an empty field
 * {@code {}} disappears. {@code {{} and {@code }}} in literal text become single braces.
 *
 * <p>Values are {@link String}, {@link Long} or {@link PyText} (a value with a fixed {@code str()} that accepts
 * no format spec, such as the {@code {roi}} list). Stateless, thread safe.
 */
final class PyFormat {
    private PyFormat() {
    }

    /** A value whose Python {@code str()} is {@code text} and whose {@code __format__} accepts only "". */
    record PyText(String text) {
    }

    /** The template is not a valid Python format string, or a spec does not suit its value. */
    static final class MalformedTemplate extends Exception {
        MalformedTemplate(String message) {
            super(message);
        }
    }

    /** One piece of a parsed template: literal text, then an optional field. */
    record Piece(String literal, String name, String spec) {
    }

    /**
     * Formats the known fields of {@code template}.
     *
     * @param strict when the template is malformed: {@code true} throws, {@code false} returns it unchanged
     */
    static String formatKnown(String template, Map<String, ?> entries, boolean strict) throws MalformedTemplate {
        try {
            StringBuilder out = new StringBuilder();
            for (Piece p : parse(template)) {
                out.append(p.literal);
                if (p.name == null) {
                    continue;
                }
                if (entries.containsKey(p.name)) {
                    out.append(PyFormatSpec.format(entries.get(p.name), p.spec));
                } else if (!p.name.isEmpty() || !p.spec.isEmpty()) {
                    out.append('{').append(p.name);
                    if (!p.spec.isEmpty()) {
                        out.append(':').append(p.spec);
                    }
                    out.append('}');
                }
            }
            return out.toString();
        } catch (MalformedTemplate e) {
            if (strict) {
                throw e;
            }
            return template;
        }
    }

    /** The names of the fields of {@code template} (empty when malformed). */
    static List<String> fieldNames(String template) {
        try {
            List<String> names = new ArrayList<>();
            for (Piece p : parse(template)) {
                if (p.name != null) {
                    names.add(p.name);
                }
            }
            return names;
        } catch (MalformedTemplate e) {
            return List.of();
        }
    }

    /** Splits like Python's {@code string.Formatter().parse}. */
    static List<Piece> parse(String s) throws MalformedTemplate {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '}') {
                if (i + 1 < n && s.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw new MalformedTemplate("Single '}' encountered in format string");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && s.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
                continue;
            }
            if (i + 1 >= n) {
                throw new MalformedTemplate("Single '{' encountered in format string");
            }
            int end = matchingBrace(s, i);
            pieces.add(field(literal.toString(), s.substring(i + 1, end)));
            literal.setLength(0);
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            pieces.add(new Piece(literal.toString(), null, null));
        }
        return pieces;
    }

    /** Index of the '}' closing the field opened at {@code open}, counting nested braces. */
    private static int matchingBrace(String s, int open) throws MalformedTemplate {
        int depth = 1;
        boolean inBracket = false;
        for (int j = open + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (c == '{' && !inBracket) {
                depth++;
            } else if (c == '}' && !inBracket) {
                if (--depth == 0) {
                    return j;
                }
            }
        }
        throw new MalformedTemplate("expected '}' before end of string");
    }

    /** Splits a field body into name, conversion (dropped) and spec. */
    private static Piece field(String literal, String body) throws MalformedTemplate {
        int j = 0;
        boolean inBracket = false;
        while (j < body.length()) {
            char c = body.charAt(j);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (!inBracket && (c == ':' || c == '!')) {
                break;
            }
            j++;
        }
        String name = body.substring(0, j);
        if (j == body.length()) {
            return new Piece(literal, name, "");
        }
        if (body.charAt(j) == '!') {
            if (j + 1 >= body.length()) {
                throw new MalformedTemplate("end of string while looking for conversion specifier");
            }
            if (j + 2 < body.length() && body.charAt(j + 2) != ':') {
                throw new MalformedTemplate("expected ':' after conversion specifier");
            }
            return new Piece(literal, name, j + 3 <= body.length() ? body.substring(Math.min(j + 3, body.length()))
                    : "");
        }
        return new Piece(literal, name, body.substring(j + 1));
    }
}
