package org.jilastik.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.app.BlockRoi;
import org.jilastik.app.CutoutSubregion;
import org.jilastik.app.DataRange;
import org.jilastik.app.DistributedOptions;
import org.jilastik.app.ExportOptions;
import org.jilastik.app.InputOptions;
import org.jilastik.app.RunRequest;
import org.jilastik.app.WorkflowOptions;
import org.jilastik.array.DType;
import org.jilastik.cli.ArgumentTokenizer.Occurrence;
import org.jilastik.cli.ArgumentTokenizer.Tokens;
import org.jilastik.error.JilastikException;

/**
 * Turns tokens and the environment into a {@link RunRequest}: parses every value, applies the cross-checks of
 * spec cli-and-io §1.3 and §1.5, and fails with a one-sentence usage error (exit code 2) before any file is
 * opened. A single-value flag given twice keeps the last value (as argparse); a role flag given twice appends.
 *
 * <p>One instance builds one request; not thread safe.
 */
public final class RequestBuilder {
    private final Set<String> given = new LinkedHashSet<>();
    private final Map<String, String> single = new LinkedHashMap<>();
    private final Map<String, String> typedName = new LinkedHashMap<>();
    private final Map<String, List<String>> roles = new LinkedHashMap<>();
    private Boolean readonly;

    private RequestBuilder() {
    }

    /** Parses {@code args} and {@code env} into a validated request. */
    public static RunRequest parse(String[] args, Map<String, String> env) {
        return build(ArgumentTokenizer.tokenize(args), env);
    }

    /**
     * Builds the request from tokens.
     *
     * @throws JilastikException (usage) for any bad value or flag combination
     */
    public static RunRequest build(Tokens tokens, Map<String, String> env) {
        RequestBuilder b = new RequestBuilder();
        for (Occurrence o : tokens.options()) {
            b.take(o);
        }
        return b.finish(tokens.positionals(), env);
    }

    private void take(Occurrence o) {
        String name = o.flag().name();
        given.add(name);
        typedName.put(name, o.typed());
        switch (o.flag().arity()) {
            case NONE -> {
            }
            case ONE -> single.put(name, o.value());
            case OPTIONAL_BOOLEAN -> readonly = o.values().isEmpty() || ValueParsers.parseBoolean(o.typed(), o.value());
            case MANY -> {
                for (String p : o.values()) {
                    if (p.isEmpty()) {
                        throw JilastikException.usage("an empty path was given to " + o.typed());
                    }
                }
                roles.computeIfAbsent(name, k -> new ArrayList<>()).addAll(o.values());
            }
            default -> throw new IllegalStateException(o.flag().arity().toString());
        }
    }

    private boolean has(String name) {
        return given.contains(name);
    }

    /** The flag as the user typed it (for messages), else its documented spelling. */
    private String shown(String name) {
        return typedName.getOrDefault(name, FlagTable.get(name).spelling());
    }

    private String text(String name) {
        String v = single.get(name);
        if (v != null && v.isBlank()) {
            throw JilastikException.usage(shown(name) + " needs a value, but was given an empty one");
        }
        return v;
    }

    private RunRequest finish(List<String> positionals, Map<String, String> env) {
        checkGlobalCombinations(positionals);
        ExportOptions export = export();
        return new RunRequest(text("project"), text("new_project"), text("workflow"), has("headless"), readonly,
                has("debug"), has("quiet"), has("continue_on_error"), text("logfile"), text("redirect_output"),
                text("process_name"), text("configfile"), has("clean_paths"), text("tiktorch_executable"),
                text("nn_device"), inputs(positionals), export, workflowOptions(), distributed(),
                EnvironmentParser.parse(env), List.copyOf(given));
    }

    private void checkGlobalCombinations(List<String> positionals) {
        if (has("hbp")) {
            throw JilastikException.usage("--hbp was removed from ilastik and is not supported; remove it");
        }
        for (String gui : List.of("fullscreen", "exit_on_failure")) {
            if (has(gui)) {
                throw JilastikException.usage(shown(gui) + " is a GUI option and jilastik has no GUI; remove it");
            }
        }
        if (has("project") && has("new_project")) {
            throw JilastikException.usage("give either --project or --new_project, not both");
        }
        if (has("workflow") && !has("new_project")) {
            throw JilastikException.usage("--workflow only works together with --new_project");
        }
        if (has("new_project") && !has("workflow")) {
            throw JilastikException.usage("--new_project needs --workflow=NAME");
        }
        for (String p : positionals) {
            if (p.isEmpty()) {
                throw JilastikException.usage("an empty input path was given");
            }
        }
        // every workflow's first role is "Raw Data", so this mix is detectable before the project is read
        if (!positionals.isEmpty() && roles.containsKey("raw_data")) {
            throw JilastikException.usage("inputs were given both as bare paths (" + positionals.get(0)
                    + ") and with --raw_data; give the Raw Data inputs one way only");
        }
    }

    private InputOptions inputs(List<String> positionals) {
        List<String> axes = single.containsKey("input_axes")
                ? ValueParsers.parseInputAxes(shown("input_axes"), single.get("input_axes")) : null;
        Character stack = single.containsKey("stack_along")
                ? ValueParsers.parseStackAlong(shown("stack_along"), single.get("stack_along")) : null;
        return new InputOptions(roles, positionals, axes, has("ignore_training_axistags"), stack,
                has("preconvert_stacks"));
    }

    private ExportOptions export() {
        String format = single.containsKey("output_format")
                ? ValueParsers.parseOutputFormat(shown("output_format"), single.get("output_format")) : null;
        CutoutSubregion cutout = single.containsKey("cutout_subregion")
                ? ValueParsers.parseCutout(shown("cutout_subregion"), single.get("cutout_subregion")) : null;
        DataRange pipelineRange = range("pipeline_result_drange");
        DataRange exportRange = range("export_drange");
        if (exportRange != null && pipelineRange == null) {
            throw JilastikException.usage(shown("export_drange")
                    + " needs --pipeline_result_drange too (the range of the values before conversion)");
        }
        DType dtype = single.containsKey("export_dtype")
                ? ValueParsers.parseExportDtype(shown("export_dtype"), single.get("export_dtype")) : null;
        String axisOrder = single.containsKey("output_axis_order")
                ? ValueParsers.parseAxisOrder(shown("output_axis_order"), single.get("output_axis_order")) : null;
        if (has("overwrite") && has("no_overwrite")) {
            throw JilastikException.usage("give either --overwrite or --no-overwrite, not both");
        }
        return new ExportOptions(text("export_source"), format, text("output_filename_format"),
                single.get("output_internal_path"), cutout, pipelineRange, exportRange, dtype, axisOrder,
                has("table_only"), text("export_plugin"), text("big_data_viewer_xml_file"), has("clip"),
                has("overwrite") ? Boolean.TRUE : has("no_overwrite") ? Boolean.FALSE : null);
    }

    private DataRange range(String name) {
        return single.containsKey(name) ? ValueParsers.parseRange(shown(name), single.get(name)) : null;
    }

    private WorkflowOptions workflowOptions() {
        int deprecated = (has("export_object_prediction_img") ? 1 : 0) + (has("export_object_probability_img") ? 1 : 0)
                + (has("export_pixel_probability_img") ? 1 : 0);
        if (deprecated > 1) {
            throw JilastikException.usage("give only one of --export_object_prediction_img, "
                    + "--export_object_probability_img and --export_pixel_probability_img");
        }
        return new WorkflowOptions(has("retrain"), integer("tree_count", 1),
                single.containsKey("label_proportion")
                        ? ValueParsers.parseProportion(shown("label_proportion"), single.get("label_proportion"))
                        : null,
                text("variable_importance_path"), has("print_labels_by_slice"),
                integer("label_search_value", Integer.MIN_VALUE), has("generate_random_labels"),
                integer("random_label_value", Integer.MIN_VALUE), integer("random_label_count", 0),
                text("table_filename"),
                single.containsKey("fillmissing")
                        ? ValueParsers.parseLowerChoice(shown("fillmissing"), single.get("fillmissing"),
                                ValueParsers.FILLMISSING)
                        : null,
                has("nobatch"), has("export_object_prediction_img"), has("export_object_probability_img"),
                has("export_pixel_probability_img"), text("csv_export_file"), text("connection_string"),
                has("run_preprocessing"),
                single.containsKey("preprocessing_sigma")
                        ? ValueParsers.parseDouble(shown("preprocessing_sigma"), single.get("preprocessing_sigma"))
                        : null,
                single.containsKey("preprocessing_filter")
                        ? ValueParsers.parseLowerChoice(shown("preprocessing_filter"),
                                single.get("preprocessing_filter"), ValueParsers.PREPROCESSING_FILTERS)
                        : null,
                single.containsKey("tracking_solver")
                        ? ValueParsers.parseLowerChoice(shown("tracking_solver"), single.get("tracking_solver"),
                                ValueParsers.TRACKING_SOLVERS)
                        : null);
    }

    private Integer integer(String name, int min) {
        return single.containsKey(name) ? ValueParsers.parseInt(shown(name), single.get(name), min) : null;
    }

    private DistributedOptions distributed() {
        BlockRoi roi = single.containsKey("distributed_block_roi")
                ? ValueParsers.parseBlockRoi(shown("distributed_block_roi"), single.get("distributed_block_roi"))
                : null;
        return new DistributedOptions(has("distributed"), roi);
    }
}
