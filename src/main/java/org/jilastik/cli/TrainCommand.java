package org.jilastik.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.app.ProjectTrainer;
import org.jilastik.app.TrainRequest;
import org.jilastik.error.JilastikException;

/**
 * {@code jilastik train}: creates, updates or retrains a Pixel Classification project without ilastik's GUI.
 *
 * <pre>
 * jilastik train --project=P.ilp --raw_data a.h5/data b.tif --labels a_labels.tif b_labels.tif
 *                [--features=all|gs@1.0,log@1.6,...] [--label-names=background,cells] [--tree-count=100]
 *                [--label-proportion=0.5] [--variable-importance-path=DIR] [--seed=42] [--input_axes=yx] [--quiet]
 * jilastik train --project=P.ilp [--tree-count=..]      (retrain the stored labels and save)
 * </pre>
 *
 * <p>Flags take {@code --a=b} or {@code --a b}, with {@code _} or {@code -}; {@code --raw_data} and
 * {@code --labels} take one value or more; positional arguments are training images. Exit codes: 0, 2 (one
 * line) for a bad command line, 1 (one line) for a processing failure. Stateless.
 */
public final class TrainCommand {
    private static final String USAGE = "usage: jilastik train --project=P.ilp --raw_data IMAGE... --labels "
            + "LABELS... [--features=SPEC] [--label-names=A,B,..] [--tree-count=N] [--label-proportion=P] "
            + "[--variable-importance-path=DIR] [--seed=N] [--input_axes=AXES] [--quiet]";
    private static final Set<String> MULTI = Set.of("raw_data", "labels");
    private static final Set<String> SINGLE = Set.of("project", "features", "label_names", "tree_count",
            "label_proportion", "variable_importance_path", "seed", "input_axes");
    private static final Set<String> SWITCHES = Set.of("quiet", "debug", "help");

    private TrainCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code train}
     * @param env  the environment ({@code LAZYFLOW_THREADS})
     * @return the process exit code
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean debug = false;
        try {
            Map<String, List<String>> flags = parse(args);
            debug = flags.containsKey("debug");
            if (flags.containsKey("help")) {
                out.println(USAGE);
                return 0;
            }
            TrainRequest request = request(flags, env);
            Path written = ProjectTrainer.run(request, Path.of("").toAbsolutePath(), err);
            if (!request.quiet()) {
                out.println(written);
            }
            return 0;
        } catch (JilastikException e) {
            err.println("jilastik train: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            if (debug) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        } catch (RuntimeException | Error e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("jilastik train: internal error: " + what + "; rerun with --debug for the stack trace");
            if (debug) {
                e.printStackTrace(err);
            }
            return JilastikException.PROCESSING;
        }
    }

    // Canonical flag name (underscores) → values; positionals go to raw_data.
    static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        String multi = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-q")) {
                flags.put("quiet", List.of());
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = (eq < 0 ? a.substring(2) : a.substring(2, eq)).replace('-', '_');
                multi = null;
                if (SWITCHES.contains(name)) {
                    flags.put(name, List.of());
                } else if (SINGLE.contains(name) || MULTI.contains(name)) {
                    List<String> values = flags.computeIfAbsent(name, k -> new ArrayList<>());
                    if (eq >= 0) {
                        values.add(a.substring(eq + 1));
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        values.add(args[++i]);
                    } else {
                        throw JilastikException.usage("--" + name + " needs a value; " + USAGE);
                    }
                    if (SINGLE.contains(name) && values.size() > 1) {
                        throw JilastikException.usage("--" + name + " was given twice; give it once");
                    }
                    if (MULTI.contains(name)) {
                        multi = name;
                    }
                } else {
                    throw JilastikException.usage("unknown option " + a + "; " + USAGE);
                }
            } else if (multi != null) {
                flags.get(multi).add(a);
            } else if (a.endsWith(".ilp") && !flags.containsKey("project")) {
                flags.put("project", new ArrayList<>(List.of(a)));
            } else {
                flags.computeIfAbsent("raw_data", k -> new ArrayList<>()).add(a);
            }
        }
        return flags;
    }

    private static TrainRequest request(Map<String, List<String>> f, Map<String, String> env) {
        String project = one(f, "project");
        if (project == null) {
            throw JilastikException.usage("no project given; " + USAGE);
        }
        String trees = one(f, "tree_count");
        String proportion = one(f, "label_proportion");
        String seed = one(f, "seed");
        String names = one(f, "label_names");
        String axes = one(f, "input_axes");
        if (axes != null) {
            axes = ValueParsers.parseAxisOrder("--input_axes", axes);
        }
        Long seedValue = null;
        if (seed != null) {
            try {
                seedValue = Long.parseLong(seed.strip());
            } catch (NumberFormatException e) {
                throw JilastikException.usage("--seed=" + seed + " is not a whole number; give e.g. --seed=42");
            }
        }
        List<String> labelNames = names == null ? List.of()
                : List.of(names.split(",")).stream().map(String::strip).toList();
        return new TrainRequest(project, f.getOrDefault("raw_data", List.of()), f.getOrDefault("labels", List.of()),
                one(f, "features"), labelNames,
                trees == null ? null : ValueParsers.parseInt("--tree-count", trees, 1),
                proportion == null ? null : ValueParsers.parseProportion("--label-proportion", proportion),
                one(f, "variable_importance_path"), seedValue, axes,
                EnvironmentParser.parse(env).threads(), f.containsKey("quiet"));
    }

    private static String one(Map<String, List<String>> f, String name) {
        List<String> v = f.get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }
}
