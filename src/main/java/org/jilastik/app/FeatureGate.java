package org.jilastik.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.export.ExportFormat;

/**
 * Refuses flags whose capability jilastik does not have yet, with a clear usage error (exit code 2), so that no
 * accepted flag is silently ignored. Remove an entry when its capability lands. Output formats are refused by
 * {@link ExportFormat#refusal(String)}, so marking a format supported there is all a new writer needs here.
 */
public final class FeatureGate {
    /** Canonical flag name → the flag as ilastik spells it and what it does, in the order they are checked. */
    private static final Map<String, String> LATER = new LinkedHashMap<>();

    static {
        later("new_project", "--new_project (creating projects)");
        later("print_labels_by_slice", "--print-labels-by-slice");
        later("label_search_value", "--label-search-value");
        later("generate_random_labels", "--generate-random-labels (training)");
        later("random_label_value", "--random-label-value (training)");
        later("random_label_count", "--random-label-count (training)");
        later("preconvert_stacks", "--preconvert_stacks");
        later("fillmissing", "--fillmissing");
        later("nobatch", "--nobatch");
        later("export_object_prediction_img", "--export_object_prediction_img");
        later("export_object_probability_img", "--export_object_probability_img");
        later("export_pixel_probability_img", "--export_pixel_probability_img");
        later("connection_string", "--connection_string (neural network workflows)");
        later("tiktorch_executable", "--tiktorch_executable (neural network workflows)");
        later("nn_device", "--nn_device (neural network workflows)");
        later("run_preprocessing", "--run-preprocessing (carving)");
        later("preprocessing_sigma", "--preprocessing-sigma (carving)");
        later("preprocessing_filter", "--preprocessing-filter (carving)");
        later("configfile", "--configfile");
        later("redirect_output", "--redirect_output");
        later("logfile", "--logfile");
        later("process_name", "--process_name");
    }

    private FeatureGate() {
    }

    private static void later(String flag, String what) {
        LATER.put(flag, what);
    }

    /** The canonical names of flags this gate refuses. */
    public static List<String> refusedFlags() {
        return List.copyOf(LATER.keySet());
    }

    /**
     * Throws a usage error for the first flag of {@code request} that needs a capability jilastik does not have.
     *
     * @throws JilastikException (usage, exit code 2) naming the flag and the version
     */
    public static void refuseUnsupported(RunRequest request) {
        String version = JilastikVersion.get();
        for (Map.Entry<String, String> e : LATER.entrySet()) {
            if (request.gave(e.getKey())) {
                throw JilastikException.usage(e.getValue() + " is not supported yet in jilastik " + version);
            }
        }
        String format = request.export().outputFormat();
        if (format != null) {
            // ExportFormat.supported() is the single source of truth for what jilastik writes
            String refusal = ExportFormat.of(format).refusal(version);
            if (refusal != null) {
                throw JilastikException.usage(refusal);
            }
        }
    }
}
