package org.jilastik.exec;

import java.io.PrintStream;

/**
 * Progress of a run on stderr: a bar redrawn in place on a terminal, otherwise one line per 10 %.
 *
 * <p>Thread safe: workers call {@link #advance()} concurrently.
 */
public class Progress {
    /** Reports nothing. */
    public static final Progress SILENT = new Progress(null, "", 1, false);

    private final PrintStream out;
    private final String label;
    private long total;
    private final boolean terminal;
    private long done;
    private int lastTenth;

    /**
     * @param out      where to print ({@code null} = nowhere)
     * @param label    what is being done, e.g. the output file name
     * @param total    number of units (blocks)
     * @param terminal whether {@code out} is an interactive terminal (redraw one line)
     */
    public Progress(PrintStream out, String label, long total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    /** A progress on stderr, silent if {@code quiet}; a bar when stderr is a terminal. */
    public static Progress onStderr(String label, long total, boolean quiet) {
        if (quiet) {
            return SILENT;
        }
        return new Progress(System.err, label, total, System.console() != null && System.console().isTerminal());
    }

    /** Sets the number of units (when it is known only after the progress was created). */
    public synchronized void setTotal(long total) {
        this.total = Math.max(1, total);
    }

    /** One unit finished. */
    public synchronized void advance() {
        if (out == null) {
            return;
        }
        done++;
        int percent = (int) (100 * done / total);
        if (terminal) {
            int filled = percent / 5;
            out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + percent + "%");
            if (done == total) {
                out.println();
            }
            out.flush();
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.println("jilastik: " + label + " " + lastTenth * 10 + "%");
        }
    }
}
