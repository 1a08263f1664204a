package org.jilastik.cli;

import java.io.PrintStream;

/**
 * {@code jilastik inspect P.ilp [--json]}: prints a readable summary of a project.
 *
 * <p>STUB: the project work fills this in.
 */
public final class InspectCommand {
    private InspectCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code inspect}
     * @return the process exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("jilastik inspect: not implemented yet");
        return 1;
    }
}
