package org.jilastik.project;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the settings of a pickled classifier factory (protocol 0, text) with regular expressions — the pickle
 * is never executed. Handles both key styles: {@code VVERSION\np6\nI2\n} (unicode keys, 1.3+) and
 * {@code S'_num_trees'\np11\nI100\n} (1.2 era). Stateless, thread safe.
 */
public final class ClassifierFactoryParser {
    /** A global reference {@code c<module>\n<name>\n}. */
    private static final Pattern GLOBAL = Pattern.compile("c([\\w.]+)\\n(\\w+)\\n");

    private ClassifierFactoryParser() {
    }

    /** Parses a factory pickle; keys it cannot find are null (or false). */
    public static ClassifierFactorySettings parse(String pickle) {
        String module = null;
        String cls = null;
        Matcher g = GLOBAL.matcher(pickle);
        while (g.find()) {
            String m = g.group(1);
            if (!m.equals("copy_reg") && !m.equals("copyreg") && !m.equals("__builtin__") && !m.equals("builtins")) {
                module = m;
                cls = g.group(2);
                break;
            }
        }
        String trees = value(pickle, "_num_trees");
        String proportion = value(pickle, "_label_proportion");
        String forests = value(pickle, "_num_forests");
        String version = value(pickle, "VERSION");
        String importance = value(pickle, "_variable_importance_enabled");
        String importancePath = value(pickle, "_variable_importance_path");
        return new ClassifierFactorySettings(module, cls, toInt(version), toInt(trees), toDouble(proportion),
                toInt(forests), "True".equals(importance), stringValue(importancePath));
    }

    /**
     * The raw value token stored under dictionary key {@code key}: {@code I100}, {@code I00}, {@code F0.5},
     * {@code N}, {@code V...}, {@code S'...'}, {@code L12L}; booleans are returned as {@code True}/{@code False};
     * null if the key is absent or its value is not a scalar.
     */
    static String value(String pickle, String key) {
        Pattern p = Pattern.compile("(?:V|S')" + Pattern.quote(key) + "'?\\n(?:[pg]\\d+\\n)?"
                + "(I0[01]\\n|I-?\\d+\\n|L-?\\d+L?\\n|F[^\\n]+\\n|N|V[^\\n]*\\n|S'[^\\n]*'\\n)");
        Matcher m = p.matcher(pickle);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1).strip();
        return switch (v) {
            case "I00" -> "False";
            case "I01" -> "True";
            default -> v;
        };
    }

    private static Integer toInt(String token) {
        if (token == null) {
            return null;
        }
        if (token.startsWith("I")) {
            return Integer.parseInt(token.substring(1));
        }
        if (token.startsWith("L")) {
            return Integer.parseInt(token.substring(1).replace("L", ""));
        }
        return null;
    }

    private static Double toDouble(String token) {
        if (token == null || token.equals("N")) {
            return null;
        }
        if (token.startsWith("F")) {
            return Double.parseDouble(token.substring(1));
        }
        Integer i = toInt(token);
        return i == null ? null : i.doubleValue();
    }

    private static String stringValue(String token) {
        if (token == null || token.equals("N")) {
            return null;
        }
        if (token.startsWith("V")) {
            return token.substring(1);
        }
        if (token.startsWith("S'") && token.endsWith("'")) {
            return token.substring(2, token.length() - 1);
        }
        return null;
    }
}
