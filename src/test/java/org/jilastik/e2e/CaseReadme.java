package org.jilastik.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a reference case's {@code README.md} the end-to-end tests use: the {@code ## Commands} bullets
 * ({@code - Name: `ilastik ...`}, as {@code shared/tools/refcheck.py} reads them) and the rows of markdown
 * tables. Commands are split into words as a POSIX shell would (single and double quotes, backslash).
 */
final class CaseReadme {
    static final Path CASES = Path.of("../shared/testdata/ilastik-ref").toAbsolutePath().normalize();

    private static final Pattern BULLET = Pattern.compile("(?m)^- ([^:\\n]+): `(ilastik [^`\\n]+)`");

    /** One command of a README: its label and its words, {@code ilastik} removed from the front. */
    record Command(String name, List<String> args) {
        /** The value of {@code --flag=value} (underscore spelling), or null. */
        String flag(String flag) {
            for (String a : args) {
                if (a.startsWith("--" + flag + "=")) {
                    return a.substring(flag.length() + 3);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private CaseReadme() {
    }

    static String text(String caseName) throws IOException {
        return Files.readString(CASES.resolve(caseName).resolve("README.md"));
    }

    /** The {@code - Name: `ilastik ...`} bullets of the case's README, in order. */
    static List<Command> commands(String caseName) throws IOException {
        List<Command> out = new ArrayList<>();
        Matcher m = BULLET.matcher(text(caseName));
        while (m.find()) {
            out.add(new Command(m.group(1).trim(), ilastikArgs(m.group(2))));
        }
        return out;
    }

    /** The words of an {@code ilastik ...} command line without the leading {@code ilastik}. */
    static List<String> ilastikArgs(String commandLine) {
        List<String> words = shellWords(commandLine);
        if (words.isEmpty() || !words.getFirst().equals("ilastik")) {
            throw new IllegalArgumentException("not an ilastik command: " + commandLine);
        }
        return List.copyOf(words.subList(1, words.size()));
    }

    /** Rows (cells trimmed, outer pipes removed) of the first table after the heading line {@code heading}. */
    static List<String[]> table(String caseName, String heading) throws IOException {
        List<String> lines = text(caseName).lines().toList();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith(heading)) {
            i++;
        }
        if (i == lines.size()) {
            throw new IllegalStateException("no heading '" + heading + "' in " + caseName + "/README.md");
        }
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        List<String[]> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return rows;
    }

    // Splits a table row at the pipes that are not inside backquotes (commands contain no pipes, but be safe).
    private static String[] cells(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean code = false;
        for (int i = 1; i < row.length(); i++) {
            char ch = row.charAt(i);
            if (ch == '`') {
                code = !code;
            }
            if (ch == '|' && !code) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The text between the first pair of backquotes in {@code cell}, or null. */
    static String code(String cell) {
        int a = cell.indexOf('`');
        int b = a < 0 ? -1 : cell.indexOf('`', a + 1);
        return b < 0 ? null : cell.substring(a + 1, b);
    }

    /** POSIX-shell word splitting: whitespace separates, quotes group, backslash escapes outside single quotes. */
    static List<String> shellWords(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in " + s);
                }
                cur.append(s, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == '"') {
                int j = i + 1;
                for (; j < s.length() && s.charAt(j) != '"'; j++) {
                    if (s.charAt(j) == '\\' && j + 1 < s.length() && "\"\\$`".indexOf(s.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    cur.append(s.charAt(j));
                }
                if (j >= s.length()) {
                    throw new IllegalArgumentException("unclosed \" in " + s);
                }
                i = j;
                inWord = true;
            } else if (ch == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
