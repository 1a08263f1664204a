package org.jilastik.exec;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Loads the ojAlgo optimisation library without its start-up banner. ojAlgo's static initialiser prints a
 * "hardware profile" notice to standard output on machines it has no profile for, which would mix into jilastik's
 * output (the list of written files). The first call swaps {@link System#out} and {@link System#err} for a sink while
 * the library's classes initialise, then restores them; later calls do nothing. Call it before the first use of
 * ojAlgo, at a moment when no other thread prints. Thread safe.
 */
public final class QuietOjAlgo {
    private static boolean loaded;

    private QuietOjAlgo() {
    }

    /** Initialises ojAlgo's classes once, with its banner silenced. */
    public static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        try {
            System.setOut(sink);
            System.setErr(sink);
            Class.forName("org.ojalgo.OjAlgoUtils", true, QuietOjAlgo.class.getClassLoader());
            Class.forName("org.ojalgo.netio.BasicLogger", true, QuietOjAlgo.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ojAlgo is missing from the class path", e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            loaded = true;
        }
    }
}
