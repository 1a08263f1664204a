package org.jilastik.app;

/**
 * Workflow-specific flags (spec cli-and-io §1.6). {@code null} / {@code false} = not given.
 *
 * @param retrain                    {@code --retrain} (pixel classification, autocontext, multicut)
 * @param treeCount                  {@code --tree-count}, &gt; 0
 * @param labelProportion            {@code --label-proportion}, in (0, 1]
 * @param variableImportancePath     {@code --variable-importance-path}
 * @param printLabelsBySlice         {@code --print-labels-by-slice}
 * @param labelSearchValue           {@code --label-search-value} (ilastik default 0)
 * @param generateRandomLabels       {@code --generate-random-labels}
 * @param randomLabelValue           {@code --random-label-value} (ilastik default 1)
 * @param randomLabelCount           {@code --random-label-count} (ilastik default 2000)
 * @param tableFilename              {@code --table_filename} (object classification)
 * @param fillmissing                {@code --fillmissing}: classic, svm or none (object classification)
 * @param nobatch                    {@code --nobatch} (object classification)
 * @param exportObjectPredictionImg  deprecated {@code --export_object_prediction_img}
 * @param exportObjectProbabilityImg deprecated {@code --export_object_probability_img}
 * @param exportPixelProbabilityImg  deprecated {@code --export_pixel_probability_img}
 * @param csvExportFile              {@code --csv-export-file} (cell density counting)
 * @param connectionString           {@code --connection_string} (neural network workflows)
 * @param runPreprocessing           {@code --run-preprocessing} (carving)
 * @param preprocessingSigma         {@code --preprocessing-sigma} (carving)
 * @param preprocessingFilter        {@code --preprocessing-filter}, lower-cased (carving)
 * @param trackingSolver             {@code --tracking_solver} (jilastik, tracking): {@code flow} (ilastik's
 *                                   flow-based heuristic, the default) or {@code exact} (the integer optimum)
 */
public record WorkflowOptions(boolean retrain, Integer treeCount, Double labelProportion,
        String variableImportancePath, boolean printLabelsBySlice, Integer labelSearchValue,
        boolean generateRandomLabels, Integer randomLabelValue, Integer randomLabelCount, String tableFilename,
        String fillmissing, boolean nobatch, boolean exportObjectPredictionImg, boolean exportObjectProbabilityImg,
        boolean exportPixelProbabilityImg, String csvExportFile, String connectionString, boolean runPreprocessing,
        Double preprocessingSigma, String preprocessingFilter, String trackingSolver) {

    /** No workflow flag given. */
    public static final WorkflowOptions NONE = new WorkflowOptions(false, null, null, null, false, null, false, null,
            null, null, null, false, false, false, false, null, null, false, null, null, null);

    /**
     * Whether a flag asks for training or project diagnostics, which are meaningful without input images
     * ({@code --retrain}, {@code --generate-random-labels}, {@code --print-labels-by-slice}, ...).
     */
    public boolean worksWithoutInputs() {
        return retrain || generateRandomLabels || printLabelsBySlice || treeCount != null || labelProportion != null
                || variableImportancePath != null || runPreprocessing;
    }

    /** The export source a deprecated object-classification image flag names, or {@code null}. */
    public String deprecatedExportSource() {
        if (exportObjectPredictionImg) {
            return "Object Predictions";
        }
        if (exportObjectProbabilityImg) {
            return "Object Probabilities";
        }
        if (exportPixelProbabilityImg) {
            return "Pixel Probabilities";
        }
        return null;
    }
}
