package org.jilastik.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the catalogue in {@code docs/errors.md} (section {@code ## Catalogue}): the one source of both the
 * user documentation and {@link ErrorCatalogueIT}. Columns: id, situation, command, exit, message (stderr),
 * left on disk, test. Placeholders: {@code <dir>} the run's working directory (absolute), {@code <home-to-dir>}
 * that directory relative to the user's home, {@code <version>} jilastik's version. Stateless.
 */
final class ErrorCatalogue {
    /** Where the catalogue lives, relative to the project root (surefire's and failsafe's working directory). */
    static final Path DOC = Path.of("docs/errors.md");
    /** The marker of "no line" and "no file" cells. */
    static final String NONE = "—";

    private ErrorCatalogue() {
    }

    /**
     * One row.
     *
     * @param id        unique kebab-case name
     * @param situation what goes wrong, with its source ({@code (ref)}: the bad-input-behaviour case of that name;
     *                  {@code (§6.N)}: item N of spec cli-and-io §6)
     * @param command   the shell command ({@code VAR=value ... jilastik ...}), or a description for rows tested
     *                  elsewhere
     * @param exitCode  the exit code
     * @param messages  the stderr lines besides progress lines, in order (empty: none)
     * @param leftOnDisk files the run creates under its working directory, relative, sorted (empty: none)
     * @param test      the test class that checks the row
     */
    record Row(String id, String situation, String command, int exitCode, List<String> messages,
            List<String> leftOnDisk, String test) {
        @Override
        public String toString() {
            return id;
        }

        /** The command's environment assignments ({@code NAME=value} words before {@code jilastik}). */
        List<String[]> env() {
            List<String[]> out = new ArrayList<>();
            for (String w : CaseReadme.shellWords(command)) {
                if (w.equals("jilastik")) {
                    return out;
                }
                int eq = w.indexOf('=');
                out.add(new String[] {w.substring(0, eq), w.substring(eq + 1)});
            }
            throw new IllegalStateException(id + ": the command has no 'jilastik' word");
        }

        /** The arguments after {@code jilastik}. */
        List<String> args() {
            List<String> words = CaseReadme.shellWords(command);
            int i = words.indexOf("jilastik");
            return List.copyOf(words.subList(i + 1, words.size()));
        }
    }

    /** Every row of the catalogue, in document order. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int i = lines.indexOf("## Catalogue");
        if (i < 0) {
            throw new IllegalStateException(DOC + " has no '## Catalogue' section");
        }
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        List<Row> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] c = cells(lines.get(i));
            if (c.length != 7) {
                throw new IllegalStateException(DOC + " line " + (i + 1) + " has " + c.length + " cells, not 7");
            }
            rows.add(new Row(c[0], c[1], code(c[2]), Integer.parseInt(c[3]), codes(c[4]), codes(c[5]), c[6]));
        }
        return rows;
    }

    // The texts of the backquoted parts of a cell ("—" or plain text: none), separated by <br> or commas.
    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        int a = cell.indexOf('`');
        while (a >= 0) {
            int b = cell.indexOf('`', a + 1);
            out.add(cell.substring(a + 1, b));
            a = cell.indexOf('`', b + 1);
        }
        return out;
    }

    private static String code(String cell) {
        return cell.startsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    // A table row's cells, splitting at pipes outside backquotes; "\|" inside a cell is a literal pipe.
    private static String[] cells(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean code = false;
        for (int i = 1; i < row.length(); i++) {
            char ch = row.charAt(i);
            if (ch == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
                continue;
            }
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
}
