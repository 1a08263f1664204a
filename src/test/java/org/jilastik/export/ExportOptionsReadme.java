package org.jilastik.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference matrix of {@code testdata/ilastik-ref/export-options/README.md}, parsed: every variant's command
 * line (flags), exit code and created files, and every output file's format, layout, shape and dtype.
 */
final class ExportOptionsReadme {
    static final Path DIR = Path.of("../shared/testdata/ilastik-ref/export-options").toAbsolutePath().normalize();

    /** One row of the Variants table. */
    record Variant(String name, Map<String, String> flags, List<String> inputs, int rc, List<String> files) {
        String flag(String name) {
            return flags.get(name);
        }

        String project() {
            return flags.get("project");
        }
    }

    /** One row of the Output files table ({@code relPath} relative to {@code out/}). */
    record OutputFile(String relPath, String format, String layout, String shape, String dtype) {
    }

    static List<Variant> variants() throws IOException {
        List<Variant> out = new ArrayList<>();
        for (String[] cells : table("## Variants")) {
            String command = unquote(cells[1]);
            List<String> tokens = shellWords(command);
            Map<String, String> flags = new LinkedHashMap<>();
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (t.equals("ilastik")) {
                    continue;
                }
                if (t.startsWith("--")) {
                    int eq = t.indexOf('=');
                    String key = eq < 0 ? t.substring(2) : t.substring(2, eq);
                    String value = eq < 0 ? "" : t.substring(eq + 1);
                    if (key.equals("raw_data")) {
                        if (eq >= 0) {
                            inputs.add(value);
                        }
                        while (i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("--")) {
                            inputs.add(tokens.get(++i));
                        }
                    } else {
                        flags.put(key, value);
                    }
                }
            }
            List<String> files = new ArrayList<>();
            if (!cells[3].trim().equals("(none)")) {
                for (String f : cells[3].split("<br>")) {
                    files.add(unquote(f));
                }
            }
            out.add(new Variant(cells[0].trim(), flags, inputs, Integer.parseInt(cells[2].trim()), files));
        }
        return out;
    }

    static Map<String, OutputFile> outputFiles() throws IOException {
        Map<String, OutputFile> out = new LinkedHashMap<>();
        for (String[] c : table("## Output files")) {
            String rel = unquote(c[0]);
            out.put(rel, new OutputFile(rel, c[1].trim(), c[2].trim(), c[3].trim(), c[4].trim()));
        }
        return out;
    }

    /** Data rows of the first table after {@code heading}. */
    private static List<String[]> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("README.md"));
        int i = lines.indexOf(heading);
        if (i < 0) {
            throw new IOException("no section " + heading);
        }
        List<String[]> rows = new ArrayList<>();
        boolean started = false;
        for (int k = i + 1; k < lines.size(); k++) {
            String l = lines.get(k);
            if (!l.startsWith("|")) {
                if (started) {
                    break;
                }
                continue;
            }
            if (!started) {
                started = true;
                k++; // skip the separator row
                continue;
            }
            rows.add(splitRow(l));
        }
        return rows;
    }

    /** Splits a table row at {@code |} outside backticks. */
    private static String[] splitRow(String l) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean code = false;
        for (int i = 1; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '`') {
                code = !code;
            }
            if (c == '|' && !code) {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return cells.toArray(String[]::new);
    }

    private static String unquote(String cell) {
        String s = cell.trim();
        return s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1) : s;
    }

    /** POSIX shell words with single quotes (the README's commands use no other quoting). */
    private static List<String> shellWords(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
