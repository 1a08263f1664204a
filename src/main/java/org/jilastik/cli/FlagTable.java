package org.jilastik.cli;

import static org.jilastik.cli.FlagSpec.Arity.MANY;
import static org.jilastik.cli.FlagSpec.Arity.NONE;
import static org.jilastik.cli.FlagSpec.Arity.ONE;
import static org.jilastik.cli.FlagSpec.Arity.OPTIONAL_BOOLEAN;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.cli.FlagSpec.Arity;
import org.jilastik.cli.FlagSpec.Group;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.WorkflowKind;

/**
 * Every flag jilastik accepts: ilastik's global, input, export and workflow-specific flags of all workflows
 * (spec cli-and-io §1.3–§1.7) plus jilastik's own. Lookup normalises {@code -} to {@code _} and accepts
 * unambiguous prefixes, as argparse does. Immutable, thread safe.
 */
public final class FlagTable {
    private static final Set<WorkflowKind> PIXEL = EnumSet.of(WorkflowKind.PIXEL_CLASSIFICATION);
    private static final Set<WorkflowKind> RETRAINABLE =
            EnumSet.of(WorkflowKind.PIXEL_CLASSIFICATION, WorkflowKind.AUTOCONTEXT, WorkflowKind.MULTICUT);
    private static final Set<WorkflowKind> OBJECTS = EnumSet.of(WorkflowKind.OBJECT_CLASSIFICATION_PREDICTION,
            WorkflowKind.OBJECT_CLASSIFICATION_BINARY, WorkflowKind.OBJECT_CLASSIFICATION_LABEL,
            WorkflowKind.OBJECT_CLASSIFICATION_PIXEL);
    private static final Set<WorkflowKind> TRACKING = EnumSet.of(WorkflowKind.TRACKING_PREDICTION,
            WorkflowKind.TRACKING_BINARY, WorkflowKind.STRUCTURED_TRACKING_BINARY);
    private static final Set<WorkflowKind> UNKNOWN_WORKFLOWS = Set.of();

    /** Role flags of workflows jilastik does not run, still accepted at parse time (spec §1.7). */
    private static final List<String> EXTRA_ROLES = List.of("Overlay");

    private static final Map<String, FlagSpec> BY_NAME = new LinkedHashMap<>();

    static {
        // global (spec §1.3)
        add("--headless", Group.GLOBAL, NONE, null, "accepted for compatibility; jilastik is always headless", null);
        add("--project", Group.GLOBAL, ONE, "P.ilp", "the trained ilastik project to run", null);
        add("--readonly", Group.GLOBAL, OPTIONAL_BOOLEAN, "[BOOL]",
                "open the project read-only (default); BOOL is 1/yes/true/on or 0/no/false/off", null);
        add("--new_project", Group.GLOBAL, ONE, "P.ilp", "create a new project (needs --workflow)", null);
        add("--workflow", Group.GLOBAL, ONE, "NAME", "workflow of --new_project", null);
        add("--clean_paths", Group.GLOBAL, NONE, null, "Windows ilastik only; no effect", null);
        add("--redirect_output", Group.GLOBAL, ONE, "FILE", "append stdout and stderr to FILE", null);
        add("--debug", Group.GLOBAL, NONE, null, "debug logging; print stack traces of errors", null);
        add("--logfile", Group.GLOBAL, ONE, "FILE", "log file (/dev/null = console only)", null);
        add("--process_name", Group.GLOBAL, ONE, "NAME", "prefix for log lines", null);
        add("--configfile", Group.GLOBAL, ONE, "FILE", "ilastik.ini-style configuration file", null);
        add("--fullscreen", Group.GLOBAL, NONE, null, "GUI only; refused (jilastik has no GUI)", null);
        add("--exit_on_failure", Group.GLOBAL, NONE, null, "GUI only; refused (jilastik has no GUI)", null);
        add("--hbp", Group.GLOBAL, NONE, null, "removed from ilastik; refused", null);
        add("--tiktorch_executable", Group.GLOBAL, ONE, "PATH", "neural network workflows", UNKNOWN_WORKFLOWS);
        add("--nn_device", Group.GLOBAL, ONE, "DEVICE", "neural network workflows (cpu, cuda:0, ...)",
                UNKNOWN_WORKFLOWS);
        add("--version", Group.GLOBAL, NONE, null, "print jilastik's version and exit", null);
        add("--help", Group.GLOBAL, NONE, null, "this help; with --project also the project's inputs and exports",
                null);

        // input (spec §1.4, §1.7): the union of the roles of every workflow
        for (String role : allRoles()) {
            Set<WorkflowKind> kinds = EnumSet.noneOf(WorkflowKind.class);
            for (WorkflowKind k : WorkflowKind.values()) {
                if (k.roles().contains(role)) {
                    kinds.add(k);
                }
            }
            add("--" + WorkflowKind.roleFlag(role), Group.INPUT, MANY, "PATH...", "inputs of the role \"" + role
                    + "\"", kinds.isEmpty() ? UNKNOWN_WORKFLOWS : kinds);
        }
        add("--input_axes", Group.INPUT, ONE, "AXES,...",
                "axes of the inputs per role, e.g. zyx or yxc,None (letters of tzyxc; must contain x and y)", null);
        add("--ignore_training_axistags", Group.INPUT, NONE, null,
                "use the files' own axes instead of the project's training axes", null);
        add("--stack_along", Group.INPUT, ONE, "AXIS", "axis along which a multi-file input is stacked (default z)",
                null);
        add("--preconvert_stacks", Group.INPUT, NONE, null, "copy multi-file inputs into a temporary HDF5 file first",
                null);

        // export (spec §1.5)
        add("--export_source", Group.EXPORT, ONE, "NAME", "what to export (default: the workflow's first source)",
                null);
        add("--output_format", Group.EXPORT, ONE, "FORMAT",
                "hdf5, compressed hdf5 (default), n5, tif, png, \"png sequence\", numpy, ...", null);
        add("--output_filename_format", Group.EXPORT, ONE, "TEMPLATE",
                "output path template (default {dataset_dir}/{nickname}_{result_type})", null);
        add("--output_internal_path", Group.EXPORT, ONE, "PATH", "dataset inside HDF5/N5 (default exported_data)",
                null);
        add("--cutout_subregion", Group.EXPORT, ONE, "[(START...),(STOP...)]|x=A:B,...",
                "export only this region: start and stop in the export source's axis order (or tczyx), None = "
                        + "whole axis; or by name, e.g. x=10:60,y=10:60 (axes left out = whole)", null);
        add("--pipeline_result_drange", Group.EXPORT, ONE, "(MIN,MAX)", "value range of the result before conversion",
                null);
        add("--export_drange", Group.EXPORT, ONE, "(MIN,MAX)",
                "value range after conversion (needs --pipeline_result_drange)", null);
        add("--export_dtype", Group.EXPORT, ONE, "DTYPE",
                "uint8, uint16, uint32, int8, int16, int32, float32 or float64", null);
        add("--output_axis_order", Group.EXPORT, ONE, "AXES", "axis order of the output, letters of tzyxc", null);
        add("--table_only", Group.EXPORT, NONE, null, "export only tables (object workflows)", null);
        add("--export_plugin", Group.EXPORT, ONE, "NAME", "tracking: plugin for --export_source=Plugin", TRACKING);
        add("--big_data_viewer_xml_file", Group.EXPORT, ONE, "FILE", "tracking: BigDataViewer XML for Fiji-MaMuT",
                TRACKING);
        add("--tracking_solver", Group.WORKFLOW, ONE, "flow|exact", "tracking (jilastik): flow = ilastik's flow-based "
                + "heuristic (default), exact = the integer optimum of the same model", TRACKING);

        // workflow-specific (spec §1.6)
        add("--retrain", Group.WORKFLOW, NONE, null, "re-train the classifier from the stored labels", RETRAINABLE);
        add("--tree-count", Group.WORKFLOW, ONE, "N", "pixel classification: number of random-forest trees", PIXEL);
        add("--label-proportion", Group.WORKFLOW, ONE, "P",
                "pixel classification: fraction (0,1] of labelled pixels used for training", PIXEL);
        add("--variable-importance-path", Group.WORKFLOW, ONE, "FILE",
                "pixel classification: write the variable importance table", PIXEL);
        add("--print-labels-by-slice", Group.WORKFLOW, NONE, null, "pixel classification: print label counts per z",
                PIXEL);
        add("--label-search-value", Group.WORKFLOW, ONE, "N", "pixel classification: label counted by the above",
                PIXEL);
        add("--generate-random-labels", Group.WORKFLOW, NONE, null, "pixel classification: add random labels",
                PIXEL);
        add("--random-label-value", Group.WORKFLOW, ONE, "N", "pixel classification: value of random labels", PIXEL);
        add("--random-label-count", Group.WORKFLOW, ONE, "N", "pixel classification: number of random labels",
                PIXEL);
        add("--table_filename", Group.WORKFLOW, ONE, "FILE", "object classification: feature/prediction table path",
                OBJECTS);
        add("--fillmissing", Group.WORKFLOW, ONE, "classic|svm|none", "object classification: creation time only",
                OBJECTS);
        add("--nobatch", Group.WORKFLOW, NONE, null, "object classification: build no batch applets", OBJECTS);
        add("--export_object_prediction_img", Group.WORKFLOW, NONE, null,
                "deprecated; use --export_source=\"Object Predictions\"", OBJECTS);
        add("--export_object_probability_img", Group.WORKFLOW, NONE, null,
                "deprecated; use --export_source=\"Object Probabilities\"", OBJECTS);
        add("--export_pixel_probability_img", Group.WORKFLOW, NONE, null,
                "deprecated; use --export_source=\"Pixel Probabilities\"",
                EnumSet.of(WorkflowKind.OBJECT_CLASSIFICATION_PIXEL));
        add("--csv-export-file", Group.WORKFLOW, ONE, "FILE", "cell density counting: also write counts as CSV",
                EnumSet.of(WorkflowKind.COUNTING));
        add("--connection_string", Group.WORKFLOW, ONE, "HOST:PORT", "neural network: tiktorch server",
                UNKNOWN_WORKFLOWS);
        add("--run-preprocessing", Group.WORKFLOW, NONE, null, "carving: run preprocessing", UNKNOWN_WORKFLOWS);
        add("--preprocessing-sigma", Group.WORKFLOW, ONE, "SIGMA", "carving: preprocessing sigma", UNKNOWN_WORKFLOWS);
        add("--preprocessing-filter", Group.WORKFLOW, ONE, "NAME",
                "carving: bright-lines, dark-lines, step-edges, original or inverted", UNKNOWN_WORKFLOWS);

        // distributed (spec §1.4, §5.2)
        add("--distributed", Group.DISTRIBUTED, NONE, null, "split the export into blocks over MPI/SLURM ranks",
                null);
        add("--distributed_block_roi", Group.DISTRIBUTED, ONE, "N|{\"x\":N,...}",
                "block shape: one size for x, y, z, or a dict over t, z, y, x, c (None = whole axis)", null);

        // jilastik's own
        add("--quiet", Group.JILASTIK, NONE, null, "no progress output", null);
        add("--clip", Group.JILASTIK, NONE, null, "clip values to the --export_drange and the --export_dtype's range "
                + "before the cast, instead of wrapping around as ilastik does", null);
        add("--overwrite", Group.JILASTIK, NONE, null, "replace an existing output (the dataset for HDF5/N5) for "
                + "every format, OME-Zarr included", null);
        add("--no-overwrite", Group.JILASTIK, NONE, null,
                "refuse (exit 1) when the output (the dataset for HDF5/N5) already exists", null);
        add("--continue-on-error", Group.JILASTIK, NONE, null,
                "process every input even when one fails; exit 1 at the end if any failed", null);
    }

    private FlagTable() {
    }

    private static List<String> allRoles() {
        List<String> roles = new ArrayList<>();
        for (WorkflowKind k : WorkflowKind.values()) {
            for (String r : k.roles()) {
                if (!roles.contains(r)) {
                    roles.add(r);
                }
            }
        }
        EXTRA_ROLES.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        return roles;
    }

    private static void add(String spelling, Group group, Arity arity, String valueName, String description,
            Set<WorkflowKind> workflows) {
        String name = FlagSpec.normalise(spelling.substring(2));
        if (BY_NAME.containsKey(name)) {
            throw new IllegalStateException("duplicate flag " + spelling);
        }
        BY_NAME.put(name, new FlagSpec(name, spelling, group, arity, valueName, description,
                workflows == null ? null : Set.copyOf(workflows)));
    }

    /** Every flag, in help order. */
    public static List<FlagSpec> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The flag with this canonical name. */
    public static FlagSpec get(String canonicalName) {
        FlagSpec f = BY_NAME.get(canonicalName);
        if (f == null) {
            throw new IllegalArgumentException("no flag " + canonicalName);
        }
        return f;
    }

    /** Whether {@code canonicalName} is a role flag (input paths of some workflow's role). */
    public static boolean isRole(String canonicalName) {
        FlagSpec f = BY_NAME.get(canonicalName);
        return f != null && f.arity() == MANY;
    }

    /**
     * Resolves a typed long option name (without {@code --} and without {@code =value}): normalises {@code -} to
     * {@code _}, then an exact match wins, else a unique prefix match (argparse's rule).
     *
     * @throws JilastikException (usage) for an unknown name (naming the closest flag) or an ambiguous prefix
     *                           (listing the candidates)
     */
    public static FlagSpec resolve(String typedName) {
        String n = FlagSpec.normalise(typedName);
        FlagSpec exact = BY_NAME.get(n);
        if (exact != null) {
            return exact;
        }
        List<FlagSpec> matches = new ArrayList<>();
        if (!n.isEmpty()) {
            for (FlagSpec f : BY_NAME.values()) {
                if (f.name().startsWith(n)) {
                    matches.add(f);
                }
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            List<String> names = matches.stream().map(FlagSpec::spelling).toList();
            throw JilastikException.usage("option --" + typedName + " is ambiguous; it could be "
                    + String.join(", ", names));
        }
        String suggestion = closest(n);
        throw JilastikException.usage("unknown option --" + typedName
                + (suggestion == null ? "; see jilastik --help" : "; did you mean " + suggestion + "?"));
    }

    /** The spelling of the flag closest to {@code normalisedName} by edit distance, or {@code null} if none is near. */
    static String closest(String normalisedName) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = normalisedName.toLowerCase(java.util.Locale.ROOT);
        for (FlagSpec f : BY_NAME.values()) {
            int d = editDistance(lower, f.name().toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = f.spelling();
            }
        }
        // a suggestion further away than a third of the name's length is more confusing than helpful
        int limit = Math.max(2, normalisedName.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance (insert, delete, substitute each cost 1). */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The flags of one help group, in table order. */
    public static List<FlagSpec> inGroup(Group group) {
        return Collections.unmodifiableList(BY_NAME.values().stream().filter(f -> f.group() == group).toList());
    }
}
