package org.jilastik.project.pickle;

/**
 * The text forms of protocol-0 pickles: {@code STRING}'s quoted Python literal and {@code UNICODE}'s
 * raw-unicode-escape. Stateless, thread safe.
 */
final class PyText {
    private PyText() {
    }

    /** The value of a quoted Python 2 string literal ({@code 'abc'} or {@code "abc"}) with backslash escapes. */
    static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != literal.charAt(literal.length() - 1)
                || (literal.charAt(0) != '\'' && literal.charAt(0) != '"')) {
            throw new IllegalStateException("a STRING value without quotes");
        }
        String s = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                out.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i;
                    while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) Integer.parseInt(s.substring(i, end), 8));
                    i = end - 1;
                }
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(e); // \\ \' \"
            }
        }
        return out.toString();
    }

    /** Decodes raw-unicode-escape: only {@code \\uXXXX} and {@code \\UXXXXXXXX} are escapes. */
    static String rawUnicodeEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (ch == '\\' && i + 9 < s.length() && s.charAt(i + 1) == 'U') {
                out.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 10), 16));
                i += 9;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
