package org.jilastik.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.jilastik.error.JilastikException;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectJson;
import org.jilastik.project.ProjectReader;
import org.jilastik.project.ProjectSummary;

/**
 * {@code jilastik inspect P.ilp [--json]}: prints a readable summary of a project (workflow, version, inputs,
 * features, classes, classifiers, export defaults), or the same facts as JSON with {@code --json}.
 *
 * <p>Exit codes: 0 on success, 2 (one line on {@code err}) for a bad command line, 1 (one line) when the project
 * cannot be read. {@code --debug} adds the stack trace of a failure. Stateless, thread safe.
 */
public final class InspectCommand {
    private static final String USAGE = "usage: jilastik inspect PROJECT.ilp [--json]";

    private InspectCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code inspect}
     * @return the process exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean debug = false;
        String project = null;
        for (String a : args) {
            switch (a) {
                case "--json" -> json = true;
                case "--debug" -> debug = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        err.println("jilastik inspect: unknown option " + a + "; " + USAGE);
                        return JilastikException.USAGE;
                    }
                    if (project != null) {
                        err.println("jilastik inspect: one project at a time, got " + project + " and " + a + "; "
                                + USAGE);
                        return JilastikException.USAGE;
                    }
                    project = a;
                }
            }
        }
        if (project == null) {
            err.println("jilastik inspect: no project given; " + USAGE);
            return JilastikException.USAGE;
        }
        try {
            Project p = ProjectReader.read(Path.of(project));
            out.print(json ? ProjectJson.toJson(p) + "\n" : ProjectSummary.of(p));
            out.flush();
            return 0;
        } catch (JilastikException e) {
            err.println("jilastik inspect: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        }
    }
}
