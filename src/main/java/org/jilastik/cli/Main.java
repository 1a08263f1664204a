package org.jilastik.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jilastik.app.JilastikVersion;
import org.jilastik.app.RunRequest;
import org.jilastik.app.Runner;
import org.jilastik.error.JilastikException;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;

/**
 * Entry point of the {@code jilastik} command.
 *
 * <p>Order of work: {@code inspect} and {@code train} are delegated; {@code --version} and {@code --help} are
 * answered; otherwise
 * every argument and the environment are parsed and validated, the project file's existence is checked, the
 * project is read, the request is checked against its workflow, and {@link Runner} runs it. Every failure ends
 * in one line on stderr ({@code jilastik: ...}) and exit code 2 (usage) or 1 (processing); {@code --debug} adds
 * the stack trace.
 */
public final class Main {
    private static final String PREFIX = "jilastik: ";

    private Main() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the command without exiting: the testable entry point.
     *
     * @param args the command-line arguments
     * @param env  the environment ({@code LAZYFLOW_*} variables are read from it)
     * @param out  standard output (help, version)
     * @param err  standard error (one line per failure)
     * @return the process exit code: 0 success, 1 processing error, 2 usage error
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, ProjectReader::read);
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream)} with the project reader replaced (for tests). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            Function<Path, Project> reader) {
        return run(args, env, out, err, reader, UnaryOperator.identity());
    }

    /** As above, with the parsed request adjusted before it runs ({@link DistributedCommand}). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            Function<Path, Project> reader, UnaryOperator<RunRequest> adjust) {
        boolean debug = false;
        try {
            if (args.length > 0 && args[0].equals("inspect")) {
                return InspectCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
            }
            if (args.length > 0 && args[0].equals("train")) {
                return TrainCommand.run(Arrays.copyOfRange(args, 1, args.length), env, out, err);
            }
            if (args.length == 1 && args[0].endsWith(".ilp")) {
                // ilastik's startup script turns a lone project argument into --project (double-click support)
                args = new String[] {"--project", args[0]};
            }
            ArgumentTokenizer.Tokens scan = ArgumentTokenizer.tokenizeLeniently(args);
            debug = scan.has("debug");
            if (scan.has("version")) {
                out.println("jilastik " + JilastikVersion.get());
                return 0;
            }
            if (scan.has("help")) {
                return help(scan.last("project"), out, reader);
            }
            return headless(adjust.apply(RequestBuilder.parse(args, env)), reader);
        } catch (JilastikException e) {
            report(err, e.getMessage(), e, debug);
            return e.exitCode();
        } catch (RuntimeException | Error e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            report(err, "internal error: " + what + "; rerun with --debug for the stack trace", e, debug);
            return JilastikException.PROCESSING;
        }
    }

    private static int help(String projectArg, PrintStream out, Function<Path, Project> reader) {
        // read the project first, so that a bad project gives only the one error line
        Project project = projectArg == null ? null : reader.apply(existingProject(projectArg));
        HelpPrinter.printGeneral(out);
        if (project != null) {
            HelpPrinter.printForProject(out, projectArg, project);
        }
        return 0;
    }

    private static int headless(RunRequest request, Function<Path, Project> reader) {
        if (request.newProject() != null) {
            throw JilastikException.usage("creating projects (--new_project) is not supported by jilastik; "
                    + "create and train the project in ilastik");
        }
        if (request.project() == null) {
            String ilp = request.inputs().positionals().stream().filter(a -> a.endsWith(".ilp")).findFirst()
                    .orElse(null);
            throw JilastikException.usage(ilp == null ? "no project given; add --project=P.ilp (see jilastik --help)"
                    : "no project given; did you mean --project=" + ilp + "?");
        }
        if (!request.inputs().hasInputs() && !request.workflowOptions().worksWithoutInputs()) {
            throw JilastikException.usage("no input images were given; list them after the options or with "
                    + "--raw_data (jilastik --help --project=" + request.project() + " lists the inputs)");
        }
        Path path = existingProject(request.project());
        Project project = reader.apply(path);
        RunRequest checked = ProjectArgumentChecks.check(request, project.workflow(), project.stages(),
                request.project());
        return Runner.run(checked, project);
    }

    /** The project path ({@code ~} expanded) after checking that it is an existing regular file. */
    private static Path existingProject(String projectArg) {
        Path p = RunRequest.expandHome(projectArg, System.getProperty("user.home"));
        if (Files.isDirectory(p)) {
            throw JilastikException.usage("project " + projectArg + " is a directory, not an .ilp file");
        }
        if (!Files.isRegularFile(p)) {
            throw JilastikException.usage("project file " + projectArg + " does not exist; check the --project path");
        }
        return p;
    }

    private static void report(PrintStream err, String message, Throwable t, boolean debug) {
        String m = message == null ? t.getClass().getName() : message;
        err.println(PREFIX + m.strip().replaceAll("\\s*\\R\\s*", " "));
        if (debug) {
            t.printStackTrace(err);
        }
    }
}
