package org.jilastik.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jilastik.export.PyFormat.MalformedTemplate;
import org.jilastik.export.PyFormat.PyText;

/**
 * Python's format-spec mini-language ({@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]})
 * for the values that appear in export file names: integers (coordinates, e.g. {@code {x_start:05d}}) and
 * strings (nickname, directory, source name). Integer types {@code d n b o x X c} and the fixed-point types
 * {@code f F %} are supported; {@code e E g G} are refused as malformed. Stateless, thread safe.
 */
final class PyFormatSpec {
    private PyFormatSpec() {
    }

    private record Spec(char fill, char align, char sign, boolean alternate, int width, char grouping,
            int precision, char type) {
    }

    /** {@code format(value, spec)} as Python computes it. */
    static String format(Object value, String spec) throws MalformedTemplate {
        if (value instanceof PyText t) {
            if (!spec.isEmpty()) {
                throw new MalformedTemplate("unsupported format string passed to list.__format__");
            }
            return t.text();
        }
        Spec s = parse(spec);
        return switch (value) {
            case String str -> formatString(str, s);
            case Long l -> formatLong(l, s);
            case Integer i -> formatLong(i.longValue(), s);
            default -> throw new IllegalArgumentException("unsupported value " + value);
        };
    }

    private static Spec parse(String spec) throws MalformedTemplate {
        char fill = ' ';
        char align = 0;
        int i = 0;
        int n = spec.length();
        if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = '-';
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        if (i < n && spec.charAt(i) == 'z') {
            i++;
        }
        boolean alternate = false;
        if (i < n && spec.charAt(i) == '#') {
            alternate = true;
            i++;
        }
        if (i < n && spec.charAt(i) == '0') {
            if (align == 0) {
                fill = '0';
                align = '0'; // "sign-aware zero padding": '=' for numbers, '<' with fill 0 for strings
            }
            i++;
        }
        int width = -1;
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = Integer.parseInt(spec.substring(start, i));
        }
        char grouping = 0;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = spec.charAt(i++);
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new MalformedTemplate("Format specifier missing precision");
            }
            precision = Integer.parseInt(spec.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = spec.charAt(i++);
        }
        if (i != n) {
            throw new MalformedTemplate("Invalid format specifier");
        }
        return new Spec(fill, align, sign, alternate, width, grouping, precision, type);
    }

    private static String formatString(String v, Spec s) throws MalformedTemplate {
        if (s.type != 0 && s.type != 's') {
            throw new MalformedTemplate("Unknown format code '" + s.type + "' for object of type 'str'");
        }
        if (s.sign != '-' || s.align == '=' || s.alternate || s.grouping != 0) {
            throw new MalformedTemplate("invalid format specifier for a string");
        }
        String body = s.precision >= 0 && s.precision < v.length() ? v.substring(0, s.precision) : v;
        char align = s.align == 0 || s.align == '0' ? '<' : s.align;
        return pad("", body, s.fill, align, s.width);
    }

    private static String formatLong(long v, Spec s) throws MalformedTemplate {
        char t = s.type == 0 ? 'd' : s.type;
        if ("fF%".indexOf(t) >= 0) {
            return formatFixed(v, s, t);
        }
        if ("dnbboxXc".indexOf(t) < 0) {
            throw new MalformedTemplate("format code '" + t + "' is not supported in jilastik file names");
        }
        if (s.precision >= 0) {
            throw new MalformedTemplate("Precision not allowed in integer format specifier");
        }
        if (t == 'c') {
            return pad("", new String(Character.toChars((int) v)), s.fill, s.align == 0 ? '<' : s.align, s.width);
        }
        int radix = switch (t) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = Long.toUnsignedString(Math.abs(v), radix); // |Long.MIN_VALUE| prints correctly unsigned
        if (t == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        String prefix = signOf(v < 0, s.sign);
        if (s.alternate && radix != 10) {
            prefix += "0" + (t == 'b' ? "b" : t == 'o' ? "o" : t == 'x' ? "x" : "X");
        }
        if (s.grouping != 0 && (s.grouping == ',' ? radix != 10 : false)) {
            throw new MalformedTemplate("Cannot specify ',' with '" + t + "'.");
        }
        int groupSize = radix == 10 ? 3 : 4;
        if (s.align == '0') {
            // sign-aware zero padding: zeros (grouped too) go between the prefix and the digits
            int want = s.width - prefix.length();
            String grouped = group(digits, s.grouping, groupSize);
            while (grouped.length() < want) {
                digits = "0" + digits;
                grouped = group(digits, s.grouping, groupSize);
            }
            return prefix + grouped;
        }
        return pad(prefix, group(digits, s.grouping, groupSize), s.fill, s.align == 0 ? '>' : s.align, s.width);
    }

    private static String formatFixed(long v, Spec s, char t) throws MalformedTemplate {
        double d = (double) v * (t == '%' ? 100 : 1);
        int precision = s.precision < 0 ? 6 : s.precision;
        String digits = new BigDecimal(Math.abs(d)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        int dot = digits.indexOf('.');
        String intPart = dot < 0 ? digits : digits.substring(0, dot);
        String frac = dot < 0 ? "" : digits.substring(dot);
        if (s.alternate && frac.isEmpty()) {
            frac = ".";
        }
        String suffix = frac + (t == '%' ? "%" : "");
        String prefix = signOf(d < 0, s.sign);
        if (s.align == '0') {
            int want = s.width - prefix.length() - suffix.length();
            String grouped = group(intPart, s.grouping, 3);
            while (grouped.length() < want) {
                intPart = "0" + intPart;
                grouped = group(intPart, s.grouping, 3);
            }
            return prefix + grouped + suffix;
        }
        return pad(prefix, group(intPart, s.grouping, 3) + suffix, s.fill, s.align == 0 ? '>' : s.align, s.width);
    }

    private static String signOf(boolean negative, char sign) {
        if (negative) {
            return "-";
        }
        return sign == '+' ? "+" : sign == ' ' ? " " : "";
    }

    private static String group(String digits, char sep, int size) {
        if (sep == 0) {
            return digits;
        }
        StringBuilder b = new StringBuilder();
        int first = digits.length() % size;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - first) % size == 0) {
                b.append(sep);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String pad(String prefix, String body, char fill, char align, int width) {
        int missing = width - prefix.length() - body.length();
        if (missing <= 0) {
            return prefix + body;
        }
        String f = String.valueOf(fill).repeat(missing);
        return switch (align) {
            case '<' -> prefix + body + f;
            case '^' -> String.valueOf(fill).repeat(missing / 2) + prefix + body
                    + String.valueOf(fill).repeat(missing - missing / 2);
            case '=' -> prefix + f + body;
            default -> f + prefix + body;
        };
    }
}
