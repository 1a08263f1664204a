package org.jilastik.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jilastik.app.BlockRoi;
import org.jilastik.app.CutoutSubregion;
import org.jilastik.app.DataRange;
import org.jilastik.app.OutputFormats;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;

/**
 * Parsers for flag values, with ilastik's syntax and one-sentence usage errors (exit code 2) that name the flag,
 * the value and the expected form. Stateless; thread safe.
 */
public final class ValueParsers {
    /** The {@code --export_dtype} choices, in ilastik's order. */
    public static final List<String> EXPORT_DTYPES =
            List.of("uint8", "uint16", "uint32", "int8", "int16", "int32", "float32", "float64");
    /** The {@code --fillmissing} choices. */
    public static final List<String> FILLMISSING = List.of("classic", "svm", "none");
    /** {@code --tracking_solver} values (jilastik). */
    public static final List<String> TRACKING_SOLVERS = List.of("flow", "exact");
    /** The {@code --preprocessing-filter} choices. */
    public static final List<String> PREPROCESSING_FILTERS =
            List.of("bright-lines", "dark-lines", "step-edges", "original", "inverted");

    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private ValueParsers() {
    }

    private static JilastikException bad(String flag, String value, String expected) {
        return JilastikException.usage(flag + " \"" + value + "\" is not valid; " + expected);
    }

    /** configparser booleans: 1/yes/true/on and 0/no/false/off, case-insensitive. */
    public static boolean parseBoolean(String flag, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw bad(flag, value, "give 1, yes, true, on, 0, no, false or off");
        };
    }

    /** A whole number of at least {@code min}. */
    public static int parseInt(String flag, String value, int min) {
        String v = value.trim();
        if (INTEGER.matcher(v).matches()) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // too large: reported below
            }
        }
        throw bad(flag, value, "give a whole number" + (min == Integer.MIN_VALUE ? "" : " of at least " + min));
    }

    /** A decimal number (e.g. {@code 0.5}, {@code 1e-3}). */
    public static double parseDouble(String flag, String value) {
        String v = value.trim();
        if (!FLOAT.matcher(v).matches()) {
            throw bad(flag, value, "give a number such as 0.5");
        }
        return Double.parseDouble(v);
    }

    /** {@code --label-proportion}: a number in (0, 1]. */
    public static double parseProportion(String flag, String value) {
        double p = parseDouble(flag, value);
        if (!(p > 0 && p <= 1)) {
            throw bad(flag, value, "give a fraction greater than 0 and at most 1");
        }
        return p;
    }

    /** A value from {@code choices}, compared after lower-casing (argparse {@code type=str.lower}). */
    public static String parseLowerChoice(String flag, String value, List<String> choices) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw bad(flag, value, "choose one of " + String.join(", ", choices));
        }
        return v;
    }

    /** {@code --export_dtype}: one of {@link #EXPORT_DTYPES}, spelled exactly. */
    public static DType parseExportDtype(String flag, String value) {
        if (EXPORT_DTYPES.contains(value)) {
            return DType.fromNumpyName(value);
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        String hint = EXPORT_DTYPES.contains(lower) ? "did you mean " + lower + "? " : "";
        throw bad(flag, value, hint + "choose one of " + String.join(", ", EXPORT_DTYPES));
    }

    /** {@code --output_format}: one of {@link OutputFormats#ALL}, spelled exactly (as argparse choices). */
    public static String parseOutputFormat(String flag, String value) {
        if (OutputFormats.isKnown(value)) {
            return value;
        }
        String near = OutputFormats.matchIgnoringCase(value);
        if (near == null) {
            near = OutputFormats.matchIgnoringCase(value.replace('-', ' ').replace('_', ' '));
        }
        String hint = near == null ? "" : "did you mean \"" + near + "\"? ";
        throw bad(flag, value, hint + "choose one of " + String.join(", ", OutputFormats.ALL));
    }

    /** {@code --output_axis_order}: letters of {@code tzyxc}, no repeats; lower-cased. */
    public static String parseAxisOrder(String flag, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        String problem = axisLetterProblem(v, "tzyxc");
        if (problem != null) {
            throw bad(flag, value, problem + "; give letters of t, z, y, x, c such as zyxc");
        }
        return v;
    }

    /** {@code --stack_along}: one letter of {@code tzyxc}. */
    public static char parseStackAlong(String flag, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.length() != 1 || "tzyxc".indexOf(v.charAt(0)) < 0) {
            throw bad(flag, value, "give one axis letter: t, z, y, x or c");
        }
        return v.charAt(0);
    }

    /**
     * {@code --input_axes}: comma-separated axis strings (letters of {@code tzyxc}, no repeats, with x and y) or
     * {@code None}; one item per role. The item count is checked against the workflow later.
     *
     * @return the items lower-cased, {@code null} for None
     */
    public static List<String> parseInputAxes(String flag, String value) {
        List<String> out = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String v = item.trim();
            if (v.equalsIgnoreCase("none")) {
                out.add(null);
                continue;
            }
            v = v.toLowerCase(Locale.ROOT);
            String problem = axisLetterProblem(v, "tzyxc");
            if (problem == null && (v.indexOf('x') < 0 || v.indexOf('y') < 0)) {
                problem = "\"" + v + "\" lacks x or y";
            }
            if (problem != null) {
                throw bad(flag, value, problem + "; give axes per role such as zyx or yxc,None");
            }
            out.add(v);
        }
        return out;
    }

    private static String axisLetterProblem(String v, String allowed) {
        if (v.isEmpty()) {
            return "an axis string is empty";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (allowed.indexOf(c) < 0) {
                return "'" + c + "' is not an axis letter";
            }
            if (v.indexOf(c) != i) {
                return "'" + c + "' appears twice";
            }
        }
        return null;
    }

    /**
     * {@code --cutout_subregion}: ilastik's {@code [(start, ...), (stop, ...)]} (whole numbers or None, equal
     * lengths), or jilastik's named form {@code x=10:60,y=10:60,c=1} (see {@link #parseNamedCutout}).
     */
    public static CutoutSubregion parseCutout(String flag, String value) {
        String v = value.trim();
        if (!v.isEmpty() && Character.isLetter(v.charAt(0)) && v.contains("=")) {
            return parseNamedCutout(flag, value);
        }
        String form = "give [(start, ...), (stop, ...)] with whole numbers or None, e.g. \"[(10,10,None),(60,60,None)]\"";
        Object parsed;
        try {
            parsed = PyLiteral.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(flag, value, e.getMessage() + "; " + form);
        }
        if (!(parsed instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof List<?> a)
                || !(pair.get(1) instanceof List<?> b)) {
            throw bad(flag, value, form);
        }
        if (a.size() != b.size() || a.isEmpty()) {
            throw bad(flag, value, "start has " + a.size() + " entries and stop has " + b.size()
                    + "; give one entry per axis of the export source in both");
        }
        return new CutoutSubregion(coordinates(flag, value, a, form), coordinates(flag, value, b, form));
    }

    private static final Pattern NAMED_ITEM = Pattern.compile("\\s*([a-zA-Z])\\s*=\\s*(\\d*)\\s*(?:(:)\\s*(\\d*))?\\s*");

    /**
     * jilastik's named cutout: comma-separated {@code AXIS=START:STOP} items over {@code t z y x c}
     * (case-insensitive), stop exclusive; an empty start is 0, an empty stop the end of the axis, and
     * {@code AXIS=I} is the single index {@code I:I+1}. Axes left out take their whole extent. Coordinates are
     * non-negative and a given stop must exceed its start.
     */
    public static CutoutSubregion parseNamedCutout(String flag, String value) {
        String form = "give AXIS=START:STOP items such as x=10:60,y=10:60 (START or STOP may be left out)";
        String[] items = value.split(",", -1);
        Long[] start = new Long[items.length];
        Long[] stop = new Long[items.length];
        StringBuilder axes = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            java.util.regex.Matcher m = NAMED_ITEM.matcher(items[i]);
            if (!m.matches()) {
                throw bad(flag, value, "\"" + items[i].trim() + "\" is not of the form AXIS=START:STOP with "
                        + "non-negative whole numbers; " + form);
            }
            char axis = Character.toLowerCase(m.group(1).charAt(0));
            if ("tzyxc".indexOf(axis) < 0) {
                throw bad(flag, value, "'" + axis + "' is not an axis letter; use t, z, y, x or c");
            }
            if (axes.indexOf(String.valueOf(axis)) >= 0) {
                throw bad(flag, value, "axis " + axis + " is given twice");
            }
            axes.append(axis);
            try {
                start[i] = m.group(2).isEmpty() ? null : Long.valueOf(m.group(2));
                if (m.group(3) == null) {
                    if (start[i] == null) {
                        throw bad(flag, value, "axis " + axis + " has no coordinates; " + form);
                    }
                    stop[i] = start[i] + 1;
                } else {
                    stop[i] = m.group(4).isEmpty() ? null : Long.valueOf(m.group(4));
                }
            } catch (NumberFormatException e) {
                throw bad(flag, value, "a coordinate is too large; " + form);
            }
            if (stop[i] != null && stop[i] <= (start[i] == null ? 0 : start[i])) {
                throw bad(flag, value, "the range of axis " + axis + " is empty (the stop is exclusive and must "
                        + "exceed the start)");
            }
        }
        return new CutoutSubregion(start, stop, axes.toString());
    }

    private static Long[] coordinates(String flag, String value, List<?> items, String form) {
        Long[] out = new Long[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = items.get(i);
            if (o != null && !(o instanceof Long)) {
                throw bad(flag, value, "\"" + o + "\" is not a whole number or None; " + form);
            }
            out[i] = (Long) o;
        }
        return out;
    }

    /** {@code --pipeline_result_drange} / {@code --export_drange}: {@code (min, max)}, two numbers. */
    public static DataRange parseRange(String flag, String value) {
        String form = "give two numbers as (min,max), e.g. \"(0.0,1.0)\"";
        Object parsed;
        try {
            parsed = PyLiteral.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(flag, value, e.getMessage() + "; " + form);
        }
        if (!(parsed instanceof List<?> l) || l.size() != 2 || !isNumber(l.get(0)) || !isNumber(l.get(1))) {
            throw bad(flag, value, form);
        }
        return new DataRange((Number) l.get(0), (Number) l.get(1));
    }

    private static boolean isNumber(Object o) {
        return o instanceof Long || (o instanceof Double d && Double.isFinite(d));
    }

    /**
     * {@code --distributed_block_roi}: a whole number N (x = y = z = N) or a dict over {@code x y z t c} with
     * positive whole numbers or None (= the whole axis); missing axes keep ilastik's default.
     */
    public static BlockRoi parseBlockRoi(String flag, String value) {
        String form = "give a positive whole number or a dict such as {\"x\": 256, \"y\": 256, \"z\": 1, \"c\": None}";
        Object parsed;
        try {
            parsed = PyLiteral.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(flag, value, e.getMessage() + "; " + form);
        }
        if (parsed instanceof Long || parsed instanceof Boolean) {
            int n = blockSize(flag, value, parsed, form, false);
            return BlockRoi.DEFAULT.with('x', n).with('y', n).with('z', n);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw bad(flag, value, form);
        }
        BlockRoi roi = BlockRoi.DEFAULT;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k) || k.length() != 1 || "xyztc".indexOf(k.charAt(0)) < 0) {
                throw bad(flag, value, "key " + e.getKey() + " is not one of \"x\", \"y\", \"z\", \"t\", \"c\"");
            }
            roi = roi.with(k.charAt(0), blockSize(flag, value, e.getValue(), form, true));
        }
        return roi;
    }

    private static int blockSize(String flag, String value, Object o, String form, boolean noneAllowed) {
        if (o == null && noneAllowed) {
            return BlockRoi.WHOLE_AXIS;
        }
        // Python counts True/False as 1/0 (spec §5.2)
        long n = o instanceof Boolean b ? (b ? 1 : 0) : o instanceof Long l ? l : -1;
        if (!(o instanceof Long) && !(o instanceof Boolean)) {
            throw bad(flag, value, "block sizes must be whole numbers" + (noneAllowed ? " or None" : "") + "; "
                    + form);
        }
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw bad(flag, value, "block sizes must be positive whole numbers; " + form);
        }
        return (int) n;
    }
}
